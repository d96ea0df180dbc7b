using System.Text;
using MimeKit.Text;

namespace Retenza.Triage.Reading;

/// <summary>
/// Turns an HTML email body into plain text: scripts, styles and the head are dropped, block
/// elements become line breaks, entities are decoded, and blockquotes become "> " lines so that
/// quoted history can be stripped the same way as in plain-text mail.
/// </summary>
public static class HtmlText
{
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true, IgnoreTruncatedTags = true };
        var output = new PlainTextWriter();
        var hiddenDepth = 0;
        var preDepth = 0;

        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when IsHidden(tag.Id):
                    if (!tag.IsEmptyElement)
                    {
                        hiddenDepth = Math.Max(0, hiddenDepth + (tag.IsEndTag ? -1 : 1));
                    }

                    break;
                case HtmlTagToken tag:
                    if (tag.Id == HtmlTagId.Pre && !tag.IsEmptyElement)
                    {
                        preDepth = Math.Max(0, preDepth + (tag.IsEndTag ? -1 : 1));
                    }

                    output.Tag(tag);
                    break;
                case HtmlDataToken data when data.Kind == HtmlTokenKind.Data && hiddenDepth == 0:
                    output.Text(data.Data, preserveWhitespace: preDepth > 0);
                    break;
            }
        }

        return output.ToString();
    }

    private static bool IsHidden(HtmlTagId id) =>
        id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title or HtmlTagId.NoScript or HtmlTagId.Select or HtmlTagId.Object;

    private static bool IsParagraph(HtmlTagId id) => id is
        HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6;

    private static bool IsBlock(HtmlTagId id) => id is
        HtmlTagId.Div or HtmlTagId.Table or HtmlTagId.TR or HtmlTagId.UL or HtmlTagId.OL or
        HtmlTagId.Pre or HtmlTagId.Address or HtmlTagId.Center or HtmlTagId.DL or HtmlTagId.DT or HtmlTagId.DD or
        HtmlTagId.Form or HtmlTagId.FieldSet or HtmlTagId.Body or HtmlTagId.Html or HtmlTagId.Caption or
        HtmlTagId.Article or HtmlTagId.Section or HtmlTagId.Header or HtmlTagId.Footer or HtmlTagId.Main or HtmlTagId.Nav or HtmlTagId.Aside or HtmlTagId.Figure;

    /// <summary>Accumulates text with collapsed whitespace, at most one blank line in a row, and quote prefixes.</summary>
    private sealed class PlainTextWriter
    {
        private readonly StringBuilder _text = new();
        private int _quoteDepth;
        private int _pendingNewlines;
        private bool _atLineStart = true;
        private bool _pendingSpace;

        public void Tag(HtmlTagToken tag)
        {
            var id = tag.Id;
            if (id == HtmlTagId.Br)
            {
                NewLine(1, force: true);
            }
            else if (id == HtmlTagId.BlockQuote)
            {
                NewLine(1);
                if (!tag.IsEmptyElement)
                {
                    _quoteDepth = Math.Max(0, _quoteDepth + (tag.IsEndTag ? -1 : 1));
                }
            }
            else if (id == HtmlTagId.LI)
            {
                NewLine(1);
                if (!tag.IsEndTag)
                {
                    Text("- ", preserveWhitespace: true);
                }
            }
            else if (id == HtmlTagId.HR)
            {
                NewLine(1);
            }
            else if (id is HtmlTagId.TD or HtmlTagId.TH && !tag.IsEndTag)
            {
                _pendingSpace = !_atLineStart;
            }
            else if (IsParagraph(id))
            {
                NewLine(2);
            }
            else if (IsBlock(id))
            {
                NewLine(1);
            }
        }

        public void Text(string data, bool preserveWhitespace)
        {
            foreach (var raw in data)
            {
                var c = raw == '\u00A0' ? ' ' : raw;
                if (c == '\r')
                {
                    continue;
                }

                if (preserveWhitespace && c == '\n')
                {
                    NewLine(1, force: true);
                    continue;
                }

                if (!preserveWhitespace && char.IsWhiteSpace(c))
                {
                    _pendingSpace = !_atLineStart;
                    continue;
                }

                Emit(c);
            }
        }

        private void NewLine(int count, bool force = false)
        {
            _pendingSpace = false;
            // A <br> always adds a line break; block boundaries only ensure one (no empty lines from nested divs).
            if (force)
            {
                _pendingNewlines = Math.Min(2, _pendingNewlines + count);
            }
            else if (_text.Length > 0)
            {
                _pendingNewlines = Math.Max(_pendingNewlines, count);
            }

            _atLineStart = true;
        }

        private void Emit(char c)
        {
            if (_pendingNewlines > 0)
            {
                if (_text.Length > 0)
                {
                    _text.Append('\n', _pendingNewlines);
                }

                _pendingNewlines = 0;
            }

            if (_atLineStart)
            {
                for (var i = 0; i < _quoteDepth; i++)
                {
                    _text.Append("> ");
                }

                _atLineStart = false;
                _pendingSpace = false;
            }
            else if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }

            _text.Append(c);
        }

        public override string ToString() => _text.ToString();
    }
}
