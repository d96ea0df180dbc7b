using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests;

/// <summary>Issue 4 / SPEC §3 through the API: an agent resolves, the customer answers the agent's reply, the ticket reopens.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReopenAfterResolveApiTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acme = factory.ClientFor(TestTenants.Acme.PlatformKey);
    private readonly HttpClient _acmeAdmin = factory.ClientFor(TestTenants.Acme.AdminKey);

    private async Task<HttpClient> SignedInAgentAsync(string queue)
    {
        var created = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", new
        {
            name = "Rita Resolver",
            email = TestMessages.UniqueEmail("rita"),
            queues = new[] { queue },
            capacity = 3,
        }), 201);
        var agent = factory.ClientFor(created.GetProperty("token").GetString()!);
        await HttpAssert.JsonAsync(await agent.PostAsync("/v1/agents/me/session", null), 200);
        return agent;
    }

    private static JsonObject Answer(string email, string inReplyTo, string text)
    {
        var message = TestMessages.Valid(fromEmail: email);
        message.Remove("orderId");
        message["subject"] = "Re: Where is my order?";
        message["inReplyTo"] = $"<{inReplyTo}>";
        message["text"] = text;
        return message;
    }

    [Fact]
    public async Task A_reply_to_the_agents_answer_reopens_the_resolved_ticket_re_triages_it_with_the_thread_and_counts_as_a_repeat_contact()
    {
        var first = TestMessages.Valid();
        var email = first.FromEmail();
        var opened = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(first), 201);
        var ticketId = opened.GetProperty("ticketId").GetString()!;
        var agent = await SignedInAgentAsync(opened.GetProperty("queue").GetString()!);
        await HttpAssert.JsonAsync(await agent.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);
        var sent = await HttpAssert.JsonAsync(
            await agent.PostAsJsonAsync($"/v1/tickets/{ticketId}/reply", new { text = "It is on its way, sorry for the wait.", resolve = true }), 200);
        Assert.Equal("resolved", sent.GetProperty("status").GetString());
        var agentMessageId = sent.GetProperty("messageId").GetString()!;

        var answer = Answer(email, agentMessageId, "It still has not arrived. Where is RT-10001?");
        var joined = await HttpAssert.JsonAsync(await _acme.PostMessageAsync(answer), 200);

        Assert.Equal(ticketId, joined.GetProperty("ticketId").GetString());
        var ticket = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        Assert.NotEqual("resolved", ticket.GetProperty("status").GetString());
        Assert.Null(ticket.GetProperty("claimedBy").GetString());
        var moves = ticket.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("to").GetString()!).ToArray();
        var reopenedAt = Array.LastIndexOf(moves, "reopened");
        Assert.True(reopenedAt > 0, string.Join(" → ", moves));
        Assert.Equal("resolved", moves[reopenedAt - 1]);
        Assert.Equal(["triaged", ticket.GetProperty("status").GetString()!], moves[(reopenedAt + 1)..]);
        Assert.Equal([first.MessageId(), agentMessageId, answer.MessageId()],
            ticket.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()!));

        // Re-triaged with the thread: the new assessment knows it answers a resolved ticket, and the first one is kept.
        var customer = ticket.GetProperty("assessment").GetProperty("details").GetProperty("customer");
        var thread = customer.GetProperty("thread");
        Assert.Equal(ticketId, thread.GetProperty("ticketId").GetString());
        Assert.Equal("resolved", thread.GetProperty("previousStatus").GetString());
        Assert.Contains(thread.GetProperty("earlierCustomerText").EnumerateArray(), t => t.GetString()!.Contains("RT-10001", StringComparison.Ordinal));
        Assert.Equal(1, ticket.GetProperty("earlierAssessments").GetArrayLength());
        Assert.Equal([first.MessageId()], customer.GetProperty("earlierContacts").EnumerateArray().Select(c => c.GetProperty("messageId").GetString()!));

        // Counted as a contact (reopened) in the history: one more on the same order makes repeat_contact cite both.
        var history = await HttpAssert.JsonAsync(await _acme.GetCustomerByEmailAsync(email), 200);
        var contacts = history.GetProperty("contacts").EnumerateArray().ToArray();
        Assert.Equal(2, contacts.Length);
        Assert.True(contacts[1].GetProperty("reopened").GetBoolean());
        Assert.True(contacts[1].GetProperty("threaded").GetBoolean());
        Assert.Single(history.GetProperty("tickets").EnumerateArray());

        var third = Answer(email, agentMessageId, "Hello? RT-10001 is still missing.");
        await HttpAssert.JsonAsync(await _acme.PostMessageAsync(third), 200);
        var escalated = await HttpAssert.JsonAsync(await _acme.GetTicketAsync(ticketId), 200);
        var repeat = escalated.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "repeat_contact");
        var evidence = repeat.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(evidence, e => e.Contains(answer.MessageId(), StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Contains(first.MessageId(), StringComparison.Ordinal));
        Assert.Equal("escalated", escalated.GetProperty("status").GetString());
    }
}
