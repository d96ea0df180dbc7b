using System.Text.Json;

namespace Retenza.Triage.Training;

/// <summary>
/// Reads (text, label) pairs from a labelled file, chosen by extension: <c>.csv</c>, <c>.tsv</c>/<c>.txt</c>
/// (header row names the columns) or <c>.jsonl</c>/<c>.ndjson</c> (one JSON object a line; the columns are property names).
/// </summary>
public static class LabeledFile
{
    public static IReadOnlyList<LabeledText> Read(string path, string textColumn, string labelColumn, string? source = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no such file: {path}", path);
        }

        source ??= Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        using var reader = new StreamReader(path);
        return extension switch
        {
            ".csv" => ReadDelimited(reader, ',', textColumn, labelColumn, source, path),
            ".tsv" or ".txt" or ".tab" => ReadDelimited(reader, '\t', textColumn, labelColumn, source, path),
            ".jsonl" or ".ndjson" => ReadJsonLines(reader, textColumn, labelColumn, source, path),
            _ => throw new InvalidDataException($"unsupported file type '{extension}' for {path}: use .csv, .tsv or .jsonl"),
        };
    }

    private static List<LabeledText> ReadDelimited(TextReader reader, char separator, string textColumn, string labelColumn, string source, string path)
    {
        using var records = DelimitedText.ReadRecords(reader, separator).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException($"{path} is empty: expected a header row");
        }

        var header = records.Current.Select(h => h.Trim()).ToArray();
        var textIndex = ColumnIndex(header, textColumn, path);
        var labelIndex = ColumnIndex(header, labelColumn, path);
        var rows = new List<LabeledText>();
        var line = 1;
        while (records.MoveNext())
        {
            line++;
            var record = records.Current;
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            if (textIndex >= record.Length || labelIndex >= record.Length)
            {
                throw new InvalidDataException($"{path}: record {line} has {record.Length} fields, fewer than the header's {header.Length}");
            }

            rows.Add(new LabeledText(record[textIndex], record[labelIndex].Trim(), source));
        }

        return rows;
    }

    private static int ColumnIndex(string[] header, string column, string path)
    {
        var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new InvalidDataException($"{path} has no column '{column}' (columns: {string.Join(", ", header)})");
    }

    private static List<LabeledText> ReadJsonLines(TextReader reader, string textColumn, string labelColumn, string source, string path)
    {
        var rows = new List<LabeledText>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(line);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: line {lineNumber} is not JSON ({ex.Message})");
            }

            rows.Add(new LabeledText(Property(root, textColumn, lineNumber, path), Property(root, labelColumn, lineNumber, path).Trim(), source));
        }

        return rows;
    }

    private static string Property(JsonElement root, string name, int lineNumber, string path)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
        }

        throw new InvalidDataException($"{path}: line {lineNumber} has no property '{name}'");
    }
}
