using System.Text.Json;
using Retenza.Triage.Intents;

namespace Retenza.Triage.Training;

/// <summary>
/// Reads the public datasets in the shared data folder (layout of its README) and maps their labels onto
/// our taxonomy. Nothing here is copied into the repository: the files are read where they lie.
/// </summary>
public static class PublicDatasets
{
    public static readonly IReadOnlyList<string> BitextFiles =
    [
        "bitext/bitext_llm_training_gpt35_6480_v2023-08-07.csv",
        "bitext/bitext_llm_training_4514_v2023-08-18.csv",
    ];

    public const string ClincFile = "clinc150/clinc150_train_val.json";
    public const string Banking77File = "banking77/train.csv";

    /// <summary>
    /// CLINC150 intents that an e-commerce support inbox would read as one of ours (orders, bills,
    /// payments, fraud, account names, a bare "cancel"). Training them as <c>other</c> would teach the model
    /// that "where is my order" is out of scope, so they are left out of training and of the out-of-scope evaluation.
    /// </summary>
    public static readonly IReadOnlySet<string> ClincCommerceIntents = new HashSet<string>(StringComparer.Ordinal)
    {
        "order", "order_status", "order_checks", "cancel", "pay_bill", "bill_balance", "bill_due",
        "card_declined", "report_fraud", "account_blocked", "change_user_name", "user_name",
    };

    /// <summary>
    /// Banking77 classes whose utterances read the same in a shop's inbox (a purchase refund, a charge the
    /// customer did not make, a double charge). Everything else in Banking77 is banking-specific and unused.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Banking77Mapping = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["request_refund"] = "get_refund",
        ["Refund_not_showing_up"] = "track_refund",
        ["compromised_card"] = "fraud_claim",
        ["card_payment_not_recognised"] = "fraud_claim",
        ["transaction_charged_twice"] = "payment_issue",
        ["declined_card_payment"] = "payment_issue",
        ["terminate_account"] = "delete_account",
        ["passcode_forgotten"] = "recover_password",
    };

    /// <summary>Both Bitext releases, with utterances that normalise to the same text kept once (the releases overlap).</summary>
    public static IReadOnlyList<LabeledText> Bitext(string dataDirectory)
    {
        var unique = new Dictionary<string, LabeledText>(StringComparer.Ordinal);
        foreach (var file in BitextFiles)
        {
            foreach (var row in LabeledFile.Read(Require(dataDirectory, file), "instruction", "intent", "bitext"))
            {
                if (!IntentTaxonomy.IsKnown(row.Label))
                {
                    throw new InvalidDataException($"{file} has intent '{row.Label}', which is not in our taxonomy");
                }

                unique.TryAdd(IntentTextNormalizer.Normalize(row.Text), row);
            }
        }

        return [.. unique.Values];
    }

    /// <summary>CLINC150 out-of-scope and off-domain utterances as <c>other</c>: the train part and the val part.</summary>
    public static (IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Validation) ClincOther(string dataDirectory)
    {
        using var stream = File.OpenRead(Require(dataDirectory, ClincFile));
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return (
            [.. Other(root, "train", "clinc150/off-domain"), .. Other(root, "oos_train", "clinc150/oos")],
            [.. Other(root, "val", "clinc150/off-domain"), .. Other(root, "oos_val", "clinc150/oos")]);

        static IEnumerable<LabeledText> Other(JsonElement root, string split, string source)
        {
            if (!root.TryGetProperty(split, out var rows))
            {
                throw new InvalidDataException($"{ClincFile} has no '{split}' split");
            }

            foreach (var pair in rows.EnumerateArray())
            {
                var text = pair[0].GetString() ?? string.Empty;
                var intent = pair[1].GetString() ?? string.Empty;
                if (!ClincCommerceIntents.Contains(intent))
                {
                    yield return new LabeledText(text, IntentTaxonomy.Other, source);
                }
            }
        }
    }

    /// <summary>The Banking77 utterances of the classes in <see cref="Banking77Mapping"/>, relabelled.</summary>
    public static IReadOnlyList<LabeledText> Banking77(string dataDirectory) =>
        LabeledFile.Read(Require(dataDirectory, Banking77File), "text", "category", "banking77")
            .Where(row => Banking77Mapping.ContainsKey(row.Label))
            .Select(row => row with { Label = Banking77Mapping[row.Label] })
            .ToList();

    private static string Require(string dataDirectory, string relativePath)
    {
        var path = Path.Combine(dataDirectory, relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"missing dataset file {path} (see the data README for where each comes from)", path);
    }
}
