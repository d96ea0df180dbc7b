using Retenza.Triage.Reading;

namespace Retenza.UnitTests.Triage.Reading;

public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = new();

    [Theory]
    // English, short and long, and full of order numbers, links, SKUs and product names.
    [InlineData("en", "Where is my order?")]
    [InlineData("en", "I want to return the shoes, they are too small.")]
    [InlineData("en", "Order RT-10006 https://shop.example/track?id=10006 Le Creuset Dutch Oven 5.5qt, tracking 1Z999AA10123456784 - please advise")]
    [InlineData("en", "Hi, my Nike Air Max 270 (SKU NK-AM270-BLK-42) arrived with a torn sole. Order #48213, paid via PayPal on 03/11. Can I get a replacement?")]
    [InlineData("en", "The Bodum Chambord French press from order RT-2231 is cracked. See photo IMG_2041.jpg and https://imgur.example/a/xYz12 for details.")]
    [InlineData("en", "Hello team, I ordered the Kärcher K2 pressure washer and the Dyson V15 on 12 October but only the Dyson has arrived so far. Could you check the status of the other parcel for me? My address is 12 Rue de la Paix, Paris. Thank you.")]
    [InlineData("en", "hi i still havent got my refund for the jacket its been ages")]
    // Spanish
    [InlineData("es", "¿Dónde está mi pedido? Lo pedí hace dos semanas.")]
    [InlineData("es", "Hola, quiero devolver las zapatillas Air Max porque son demasiado pequeñas. ¿Cómo puedo hacerlo?")]
    [InlineData("es", "Buenos días, el paquete llegó dañado y falta una pieza. Necesito ayuda por favor.")]
    // French
    [InlineData("fr", "Bonjour, je n'ai toujours pas reçu ma commande.")]
    [InlineData("fr", "Le colis est arrivé abîmé et il manque le couvercle. Pouvez-vous m'envoyer un remplacement ? Merci d'avance.")]
    [InlineData("fr", "J'ai été débité deux fois pour la commande RT-5521, pourquoi ?")]
    // German
    [InlineData("de", "Hallo, ich habe meine Bestellung noch nicht erhalten.")]
    [InlineData("de", "Die Lieferung ist beschädigt angekommen und der Deckel fehlt. Können Sie mir bitte Ersatz schicken?")]
    [InlineData("de", "Wo ist mein Paket? Die Sendungsverfolgung zeigt seit einer Woche nichts Neues.")]
    // Italian
    [InlineData("it", "Ciao, non ho ancora ricevuto il mio ordine.")]
    [InlineData("it", "Il pacco è arrivato danneggiato e manca il coperchio. Potete inviarmi una sostituzione?")]
    [InlineData("it", "Vorrei un rimborso per l'ordine RT-7781, la taglia è sbagliata.")]
    // Portuguese
    [InlineData("pt", "Olá, ainda não recebi a minha encomenda.")]
    [InlineData("pt", "O pacote chegou danificado e falta uma peça. Podem enviar uma substituição, por favor?")]
    [InlineData("pt", "Fui cobrado duas vezes pelo pedido RT-5521, gostaria de um reembolso.")]
    // Dutch
    [InlineData("nl", "Hallo, ik heb mijn bestelling nog steeds niet ontvangen.")]
    [InlineData("nl", "Het pakket is beschadigd aangekomen en het deksel ontbreekt. Kunnen jullie een vervanging sturen?")]
    [InlineData("nl", "Waar is mijn pakket? Ik wacht al twee weken.")]
    // Other Latin-script languages are named rather than mistaken for a supported one.
    [InlineData("sv", "Hej, jag har inte fått min beställning än.")]
    [InlineData("pl", "Dzień dobry, nie otrzymałem jeszcze zamówienia.")]
    [InlineData("tr", "Merhaba, siparişim hala gelmedi, lütfen yardım edin.")]
    // Non-Latin scripts decide on their own.
    [InlineData("ru", "Где мой заказ? Я жду уже две недели.")]
    [InlineData("uk", "Де моє замовлення? Я чекаю вже два тижні, і нічого.")]
    [InlineData("zh", "我的订单在哪里？已经两个星期了。")]
    [InlineData("ja", "注文した商品がまだ届いていません。")]
    [InlineData("ko", "주문한 상품이 아직 도착하지 않았습니다.")]
    [InlineData("ar", "لم أستلم طلبي بعد، أين هو؟")]
    [InlineData("he", "ההזמנה שלי עדיין לא הגיעה.")]
    [InlineData("el", "Η παραγγελία μου δεν έχει φτάσει ακόμα.")]
    [InlineData("hi", "मेरा ऑर्डर अभी तक नहीं आया है।")]
    [InlineData("th", "ฉันยังไม่ได้รับคำสั่งซื้อของฉัน")]
    public void Detects_the_language(string expected, string text)
    {
        var guess = Detector.Detect(text);

        Assert.Equal(expected, guess.Code);
        Assert.InRange(guess.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Hello")]
    [InlineData("Thanks!")]
    [InlineData("Hola")]
    [InlineData("RT-10006")]
    [InlineData("12345 67890 !!!")]
    [InlineData("https://shop.example/track/10006 jane@example.com")]
    [InlineData("Nike Air Max 270")]
    public void Too_little_to_go_on_is_undetermined_with_low_confidence(string text)
    {
        var guess = Detector.Detect(text);

        Assert.Equal(LanguageGuess.Undetermined, guess.Code);
        Assert.InRange(guess.Confidence, 0.0, 0.3);
    }

    [Fact]
    public void English_with_a_french_product_name_and_a_spanish_greeting_is_english()
    {
        Assert.Equal("en", Detector.Detect("Hola! I bought the Le Creuset pot de la maison and it arrived with a chip on the lid. Can I get a new one?").Code);
    }

    [Fact]
    public void Spanish_with_english_product_names_is_spanish()
    {
        Assert.Equal("es", Detector.Detect("Compré las Nike Air Max Running Shoes for Men y me llegaron en una talla equivocada, quiero cambiarlas.").Code);
    }

    [Fact]
    public void An_english_reply_that_quotes_a_russian_name_stays_english()
    {
        Assert.Equal("en", Detector.Detect("Hi, the parcel addressed to Иван Петров has not arrived yet, can you check where it is please?").Code);
    }

    [Fact]
    public void Longer_text_is_more_certain_than_a_short_question()
    {
        var shortGuess = Detector.Detect("Where is my order?");
        var longGuess = Detector.Detect("Where is my order? I placed it two weeks ago and the tracking page has not changed since then. Could you please check with the courier and let me know when it will arrive?");

        Assert.Equal("en", shortGuess.Code);
        Assert.Equal("en", longGuess.Code);
        Assert.True(longGuess.Confidence > shortGuess.Confidence, $"{longGuess.Confidence} should exceed {shortGuess.Confidence}");
    }

    [Fact]
    public void Japanese_with_kanji_and_kana_is_not_chinese()
    {
        Assert.Equal("ja", Detector.Detect("注文はどこですか").Code);
    }

    [Fact]
    public void Curly_apostrophes_are_read_like_straight_ones()
    {
        Assert.Equal("fr", Detector.Detect("J’ai reçu un colis vide, c’est pas normal.").Code);
    }

    [Fact]
    public void Very_long_text_is_read_only_in_part_and_still_detected()
    {
        var text = string.Concat(Enumerable.Repeat("Ich habe meine Bestellung noch nicht erhalten. ", 2000));

        Assert.Equal("de", Detector.Detect(text).Code);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Detector.Detect(null!));
    }
}
