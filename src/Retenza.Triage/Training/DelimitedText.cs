using System.Text;

namespace Retenza.Triage.Training;

/// <summary>
/// Reads comma- or tab-separated files: a header row, then records. Fields may be quoted with double
/// quotes (RFC 4180: quoted fields may hold separators, new lines and doubled quotes), which Bitext's
/// multi-line responses need; TSV fields are usually bare.
/// </summary>
public static class DelimitedText
{
    /// <summary>Reads all records; the first is the header. Blank lines are skipped.</summary>
    public static IEnumerable<string[]> ReadRecords(TextReader reader, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldWasQuoted = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                inQuotes = true;
                fieldWasQuoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (fields.Count > 0 || field.Length > 0 || fieldWasQuoted)
                {
                    fields.Add(field.ToString());
                    yield return fields.ToArray();
                }

                fields.Clear();
                field.Clear();
                fieldWasQuoted = false;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new InvalidDataException("the file ends inside a quoted field");
        }

        if (fields.Count > 0 || field.Length > 0 || fieldWasQuoted)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
