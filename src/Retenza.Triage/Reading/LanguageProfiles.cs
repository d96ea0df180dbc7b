namespace Retenza.Triage.Reading;

/// <summary>
/// Our own word profiles: the function words and everyday support-mail words of each language,
/// plus letters only one language uses. Written by hand, not derived from a corpus; a word listed
/// for several languages counts a share to each.
/// </summary>
internal static class LanguageProfiles
{
    public static readonly string[] Codes = ["en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "pl", "tr"];

    public static readonly string[] Words =
    [
        // en
        """
        the and is are was were be been being am i i'm i've i'd i'll me my mine you you're you've your yours we we're
        our us they they're them their he she his her him it it's its this that these those there here what which who
        whom when where why how do does did don't doesn't didn't done have has had haven't hasn't hadn't not no yes can
        can't cannot could couldn't would wouldn't should shouldn't will won't wasn't weren't isn't aren't of to in on at
        by for with from about into over after before again still just also only very too so than then but or if because
        while please thanks thank hello hi dear order ordered received receive item items package parcel arrived yet any
        some all every more other out up get got like need want know let send sent back just would refund help asap
        delivery shipping tracking hey ok
        """,
        // es
        """
        el la los las un una unos unas y o pero que qué de del al en con por para sin sobre entre es son está están
        estoy estaba fue ser estar hay he ha han había tengo tiene tienen mi mis tu tus su sus nuestro nuestra yo me te
        se nos le les lo muy más ya todavía aún no sí también como cuando donde dónde porque por qué hola gracias buenos
        buenas días pedido pedí recibido recibí llegado llegó favor quiero quisiera puedo pueden podría este esta esto
        estos estas ese esa eso hace desde hasta cuál cuándo ningún ninguna nada paquete envío reembolso saludos
        necesito ayuda
        """,
        // fr
        """
        le la les un une des du de et ou mais que qui quoi dont où est sont suis êtes été être avoir ai as a avons avez
        ont était je tu il elle nous vous ils elles me te se mon ma mes ton ta tes son sa ses notre nos votre vos leur
        leurs ce cette ces cet pas ne plus très aussi avec pour par sans sur dans chez bonjour merci commande reçu reçue
        toujours encore déjà pourquoi quand comment colis livraison j' l' d' n' c' qu' s' j'ai n'ai c'est qu'il au aux
        remboursement madame monsieur cordialement voudrais pouvez
        """,
        // de
        """
        der die das den dem des ein eine einen einem einer und oder aber dass daß ist sind war waren bin bist sein
        haben habe hat hatte ich du er sie es wir ihr mein meine meinen mich mir dich dir uns euch nicht kein keine noch
        schon auch sehr mit für von zu zum zur bei nach aus auf über unter wie was warum wann wo wer hallo danke bitte
        bestellung erhalten paket lieferung immer guten tag können kann könnten würde wurde wurden leider heute gestern
        rückerstattung grüße freundlichen sehr geehrte
        """,
        // it
        """
        il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella con su sul sulla per tra fra
        e ed o ma che chi cosa non sono è era erano sei siamo siete ho hai ha abbiamo avete hanno io tu lui lei noi voi
        loro mio mia miei mie tuo tua suo sua nostro nostra questo questa quello quella molto più anche ancora già perché
        quando dove come ciao buongiorno grazie ordine ricevuto pacco consegna vorrei potete può l' d' un' rimborso
        saluti cordiali
        """,
        // pt
        """
        o a os as um uma uns umas e ou mas que de do da dos das no na nos nas em com por para sem sobre é são está estão
        estou era foi ser estar tenho tem têm temos eu você vocês ele ela nós meu minha meus minhas seu sua nosso nossa
        este esta isto esse essa isso muito mais também ainda já não sim como quando onde porque olá obrigado obrigada
        bom dia pedido recebi recebido chegou encomenda gostaria pode podem reembolso atenciosamente ajuda preciso
        """,
        // nl
        """
        de het een en of maar dat die dit deze is zijn was waren ben bent heb hebt heeft hadden had ik jij je u hij zij
        ze wij we jullie mijn jouw uw haar ons onze niet geen nog al ook heel zeer met voor van naar bij uit op over
        onder hoe wat waarom wanneer waar wie hallo hoi dank bedankt alstublieft graag bestelling ontvangen pakket
        levering steeds kunnen kan zou wil terugbetaling groeten vriendelijke
        """,
        // sv
        """
        och att det som är en ett jag du han hon vi ni de inte med för på av till från har hade var min mitt mina din
        vår er hur vad varför när där hej tack beställning paket fortfarande kan skulle vill också mycket
        """,
        // da
        """
        og at det som er en et jeg du han hun vi de ikke med for på af til fra har havde var min mit mine din vores
        hvordan hvad hvorfor hvornår hvor hej tak bestilling pakke stadig kan skulle vil også meget
        """,
        // pl
        """
        i w z na do nie jest są się to że jak ale czy po co mój moja moje mam ma jestem było był była przez dla od
        dzień dobry dziękuję zamówienie paczka jeszcze już bardzo proszę gdzie kiedy dlaczego
        """,
        // tr
        """
        ve bir bu da de için ile ama çok ne değil var yok ben sen siz biz benim sizin mi mı merhaba teşekkür sipariş
        kargo hala henüz nerede neden lütfen iade
        """,
    ];

    /// <summary>Letters that, in the languages we profile, one language alone uses.</summary>
    public static readonly (char Letter, string Code)[] Letters =
    [
        ('ñ', "es"), ('¿', "es"), ('¡', "es"),
        ('ß', "de"),
        ('ã', "pt"), ('õ', "pt"),
        ('œ', "fr"),
        ('ø', "da"), ('æ', "da"),
        ('ł', "pl"), ('ą', "pl"), ('ę', "pl"), ('ż', "pl"), ('ź', "pl"), ('ś', "pl"), ('ć', "pl"), ('ń', "pl"),
        ('ğ', "tr"), ('ş', "tr"), ('ı', "tr"),
    ];
}
