using Retenza.Triage.Reading;

namespace Retenza.UnitTests.Triage.Reading;

public sealed class HtmlTextTests
{
    [Fact]
    public void Scripts_styles_head_and_comments_are_dropped()
    {
        const string html = "<html><head><title>Mail</title><style>.a{color:red}</style></head><body><!-- tracking --><script>var x = '<p>no</p>';</script><p>Visible</p></body></html>";

        Assert.Equal("Visible", HtmlText.ToPlainText(html));
    }

    [Fact]
    public void Entities_are_decoded_and_non_breaking_spaces_become_spaces()
    {
        Assert.Equal("Tom & Jerry's café – 5 € \u263A", HtmlText.ToPlainText("Tom &amp; Jerry&#39;s caf&eacute;&nbsp;&ndash; 5&nbsp;&euro; &#x263A;"));
    }

    [Fact]
    public void Blocks_and_breaks_become_line_breaks_and_paragraphs_blank_lines()
    {
        const string html = "<div>One</div><div>Two<br>Three</div><p>Para</p><p>Graph</p>";

        Assert.Equal("One\nTwo\nThree\n\nPara\n\nGraph", HtmlText.ToPlainText(html));
    }

    [Fact]
    public void Source_whitespace_collapses_but_pre_keeps_its_lines()
    {
        const string html = "<p>  lots   of\n   space </p><pre>line 1\nline 2</pre>";

        Assert.Equal("lots of space\n\nline 1\nline 2", HtmlText.ToPlainText(html));
    }

    [Fact]
    public void List_items_and_table_cells_stay_readable()
    {
        const string html = "<ul><li>Vase</li><li>Lid</li></ul><table><tr><td>SKU</td><td>VASE-1</td></tr></table>";

        Assert.Equal("- Vase\n- Lid\nSKU VASE-1", HtmlText.ToPlainText(html));
    }

    [Fact]
    public void Blockquotes_become_quoted_lines_even_when_nested()
    {
        const string html = "Mine<blockquote>Theirs<br>More<blockquote>Older</blockquote></blockquote>";

        Assert.Equal("Mine\n> Theirs\n> More\n> > Older", HtmlText.ToPlainText(html));
    }

    [Fact]
    public void Broken_html_does_not_throw()
    {
        Assert.Equal("unclosed bold\ntext", HtmlText.ToPlainText("<div><b>unclosed bold</div> text<p"));
    }

    [Fact]
    public void Empty_html_gives_empty_text()
    {
        Assert.Equal("", HtmlText.ToPlainText("<html><body><p>&nbsp;</p><br><br></body></html>"));
    }
}
