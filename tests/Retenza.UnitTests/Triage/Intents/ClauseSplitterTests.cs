using Retenza.Triage.Intents;

namespace Retenza.UnitTests.Triage.Intents;

public sealed class ClauseSplitterTests
{
    [Fact]
    public void Sentences_lines_and_semicolons_are_separate_clauses()
    {
        var clauses = ClauseSplitter.Split("My vase arrived broken! I want a refund.\nPlease change my address; I moved last month");

        Assert.Equal(["My vase arrived broken!", "I want a refund.", "Please change my address", "I moved last month"], clauses);
    }

    [Theory]
    [InlineData("Please refund the vase, and also change my delivery address", "Please refund the vase", "also change my delivery address")]
    [InlineData("Refund the vase please btw can you cancel my newsletter", "Refund the vase please", "btw can you cancel my newsletter")]
    [InlineData("The lamp is broken. P.S. where is my other order", "The lamp is broken.", "where is my other order")]
    public void Words_that_open_another_topic_start_a_new_clause(string text, string first, string second) =>
        Assert.Equal([first, second], ClauseSplitter.Split(text));

    [Fact]
    public void Single_words_are_dropped_and_a_two_word_request_is_kept()
    {
        Assert.Equal(["Where is my order?"], ClauseSplitter.Split("Hi. Thanks! Where is my order?\nBest,\nAna"));
        Assert.Equal(["Still not dispatched.", "Cancel it."], ClauseSplitter.Split("Still not dispatched. Cancel it."));
    }

    [Theory]
    [InlineData("Not suing\nWhere is my refund?")]
    [InlineData("No chargeback. Where is my refund?")]
    [InlineData("Not fraud. Where is my refund?")]
    public void A_two_word_denial_is_not_a_clause(string text) =>
        Assert.Equal(["Where is my refund?"], ClauseSplitter.Split(text));

    [Fact]
    public void Decimals_and_web_addresses_do_not_split_a_sentence()
    {
        Assert.Equal(["I paid 35.99 on www.shop.example for order RT-1.5 yesterday"],
            ClauseSplitter.Split("I paid 35.99 on www.shop.example for order RT-1.5 yesterday"));
    }

    [Fact]
    public void At_most_twelve_clauses_are_returned()
    {
        var text = string.Join(". ", Enumerable.Range(1, 30).Select(i => $"this is sentence number {i}"));

        var clauses = ClauseSplitter.Split(text);

        Assert.Equal(ClauseSplitter.MaxClauses, clauses.Count);
        Assert.Equal("this is sentence number 1.", clauses[0]);
    }

    [Fact]
    public void Empty_text_has_no_clauses() => Assert.Empty(ClauseSplitter.Split(""));

    [Theory]
    [InlineData("Also, please change my address", true)]
    [InlineData("and also the lid is cracked", true)]
    [InlineData("P.S. can I get an invoice", true)]
    [InlineData("Separately: how do I reset my password", true)]
    [InlineData("I also want a refund", false)]
    [InlineData("Alsome words first", false)]
    public void A_clause_that_opens_with_a_topic_word_is_marked(string clause, bool expected) =>
        Assert.Equal(expected, ClauseSplitter.OpensNewTopic(clause));
}
