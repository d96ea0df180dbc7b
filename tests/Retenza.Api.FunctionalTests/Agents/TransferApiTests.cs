using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests.Agents;

/// <summary>POST /v1/tickets/{id}/transfer: to a queue, to an agent, by the holder or an admin; errors, tenants and retries.</summary>
[Collection(ApiCollection.Name)]
public sealed class TransferApiTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acmeAdmin = factory.ClientFor(TestTenants.Acme.AdminKey);
    private readonly HttpClient _acmePlatform = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task The_holder_transfers_to_another_queue_with_a_note_and_a_retry_changes_nothing()
    {
        var (ticketId, queue) = await IngestAsync();
        var target = Other(queue);
        var (ana, anaId) = await SignedInAgentAsync("ana", [queue]);
        await HttpAssert.JsonAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);

        var moved = await HttpAssert.JsonAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { queue = target, note = "  chargeback risk  " }), 200);

        Assert.Equal((ticketId, target, JsonValueKind.Null, false),
            (moved.GetProperty("ticketId").GetString(), moved.GetProperty("queue").GetString(), moved.GetProperty("claimedBy").ValueKind, moved.GetProperty("replayed").GetBoolean()));
        var ticket = await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200);
        var audit = ticket.GetProperty("audit").EnumerateArray().ToArray();
        var last = audit[^1];
        Assert.Equal(["transferred"], last.GetProperty("reasonCodes").Strings());
        Assert.Equal((anaId, "claimed", "chargeback risk"), (last.GetProperty("actor").GetString(), last.GetProperty("from").GetString(), last.GetProperty("note").GetString()));
        var transfer = last.GetProperty("transfer");
        Assert.Equal((queue, target, anaId), (transfer.GetProperty("fromQueue").GetString(), transfer.GetProperty("toQueue").GetString(), transfer.GetProperty("fromAgent").GetString()));
        Assert.False(audit[0].TryGetProperty("transfer", out _));
        Assert.Empty((await HttpAssert.JsonAsync(await ana.GetAsync("/v1/agents/me/claims"), 200)).EnumerateArray());
        var listing = await HttpAssert.JsonAsync(await _acmeAdmin.GetAsync($"/v1/queues/{target}?limit=200"), 200);
        Assert.Contains(ticketId, listing.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticketId").GetString()));

        var retried = await HttpAssert.JsonAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { queue = target, note = "chargeback risk" }), 200);

        Assert.True(retried.GetProperty("replayed").GetBoolean());
        var after = await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200);
        Assert.Equal(audit.Length, after.GetProperty("audit").GetArrayLength());
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { queue = queue, note = "changed my mind" }), 409,
            "Not your claim", "Only the agent holding the ticket may transfer it; claim it first.");
    }

    [Fact]
    public async Task The_holder_hands_the_ticket_to_a_colleague_who_holds_it_and_can_reply()
    {
        var (ticketId, queue) = await IngestAsync();
        var (ana, anaId) = await SignedInAgentAsync("ana", [queue]);
        var (bob, bobId) = await SignedInAgentAsync("bob", [queue]);
        await HttpAssert.JsonAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);

        var handed = await HttpAssert.JsonAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { agentId = bobId, note = "you handled their last order" }), 200);
        var retried = await HttpAssert.JsonAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { agentId = bobId, note = "you handled their last order" }), 200);

        Assert.Equal(("claimed", bobId, false), (handed.GetProperty("status").GetString(), handed.GetProperty("claimedBy").GetString(), handed.GetProperty("replayed").GetBoolean()));
        Assert.True(retried.GetProperty("replayed").GetBoolean());
        Assert.Equal([ticketId], (await HttpAssert.JsonAsync(await bob.GetAsync("/v1/agents/me/claims"), 200)).Strings());
        Assert.Empty((await HttpAssert.JsonAsync(await ana.GetAsync("/v1/agents/me/claims"), 200)).EnumerateArray());
        var audit = (await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200)).GetProperty("audit").EnumerateArray().ToArray();
        var transfer = Assert.Single(audit, a => a.GetProperty("reasonCodes").Strings().Contains("transferred"));
        Assert.Equal((anaId, bobId), (transfer.GetProperty("transfer").GetProperty("fromAgent").GetString(), transfer.GetProperty("transfer").GetProperty("toAgent").GetString()));
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/reply", new { text = "too late" }), 409);
        await HttpAssert.JsonAsync(await bob.PostAsJsonAsync($"/v1/tickets/{ticketId}/reply", new { text = "All sorted.", resolve = true }), 200);
    }

    [Fact]
    public async Task Bad_transfers_are_refused_with_problems_and_change_nothing()
    {
        var (ticketId, queue) = await IngestAsync();
        var (ana, _) = await SignedInAgentAsync("ana", [queue]);
        var (bob, _) = await SignedInAgentAsync("bob", [queue]);
        var (_, awayId) = await AgentAsync("away", [queue], signIn: false);
        var (full, fullId) = await SignedInAgentAsync("full", [queue], capacity: 1);
        var (_, otherTeamId) = await SignedInAgentAsync("other", [Other(queue)]);
        var (busyTicket, _) = await IngestAsync();
        await HttpAssert.JsonAsync(await full.PostAsync($"/v1/tickets/{busyTicket}/claim", null), 200);
        await HttpAssert.JsonAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);
        var before = (await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200)).GetProperty("audit").GetArrayLength();
        var url = $"/v1/tickets/{ticketId}/transfer";

        var noNote = await HttpAssert.ValidationProblemAsync(await ana.PostAsJsonAsync(url, new { queue = Other(queue) }), "The transfer is not valid");
        var both = await HttpAssert.ValidationProblemAsync(await ana.PostAsJsonAsync(url, new { queue = Other(queue), agentId = fullId, note = "x" }), "The transfer is not valid");
        var neither = await HttpAssert.ValidationProblemAsync(await ana.PostAsJsonAsync(url, new { note = "x" }), "The transfer is not valid");
        var unknownQueue = await HttpAssert.ValidationProblemAsync(await ana.PostAsJsonAsync(url, new { queue = "vip-lounge", note = "x" }), "The transfer is not valid");
        var longNote = await HttpAssert.ValidationProblemAsync(await ana.PostAsJsonAsync(url, new { queue = Other(queue), note = new string('n', 2001) }), "The transfer is not valid");
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync(url, new { queue = Other(queue), note = "x", priority = 9 }), 400);
        await HttpAssert.ProblemAsync(await bob.PostAsJsonAsync(url, new { queue = Other(queue), note = "mine now" }), 409);
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync(url, new { agentId = awayId, note = "x" }), 409, "Agent not signed in", $"Agent '{awayId}' is not signed in.");
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync(url, new { agentId = fullId, note = "x" }), 409, "Agent at capacity", $"Agent '{fullId}' holds 1 of their capacity 1.");
        var notCovered = await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync(url, new { agentId = otherTeamId, note = "x" }), 422);
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync(url, new { agentId = "agt-doesnotexist", note = "x" }), 404);
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync(url, new { agentId = "not an id", note = "x" }), 404);
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync("/v1/tickets/tkt-aaaaaaaaaaaaaaaaaaaaaaaa/transfer", new { queue = Other(queue), note = "x" }), 404);
        await HttpAssert.ProblemAsync(await _acmePlatform.PostAsJsonAsync(url, new { queue = Other(queue), note = "x" }), 403);

        Assert.Equal(["note"], noNote.Keys);
        Assert.Equal(["queue"], both.Keys);
        Assert.Equal(["queue"], neither.Keys);
        Assert.Contains("'vip-lounge' is not one of", unknownQueue["queue"][0]);
        Assert.Equal(["note"], longNote.Keys);
        Assert.Equal("Not the agent's queue", notCovered.GetProperty("title").GetString());
        var ticket = await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200);
        Assert.Equal(before, ticket.GetProperty("audit").GetArrayLength());
        Assert.Equal(queue, ticket.GetProperty("queue").GetString());
        Assert.Equal([ticketId], (await HttpAssert.JsonAsync(await ana.GetAsync("/v1/agents/me/claims"), 200)).Strings());
    }

    [Fact]
    public async Task An_admin_moves_a_held_ticket_to_another_queue_relieving_its_holder_and_assigns_a_waiting_one()
    {
        var (ticketId, queue) = await IngestAsync();
        var (ana, _) = await SignedInAgentAsync("ana", [queue]);
        await HttpAssert.JsonAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);

        var moved = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { queue = Other(queue), note = "ana is off sick" }), 200);

        Assert.Equal(Other(queue), moved.GetProperty("queue").GetString());
        Assert.Empty((await HttpAssert.JsonAsync(await ana.GetAsync("/v1/agents/me/claims"), 200)).EnumerateArray());
        var last = (await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200)).GetProperty("audit").EnumerateArray().Last();
        Assert.Equal("admin-key", last.GetProperty("actor").GetString());

        // An admin also assigns a waiting ticket to an agent; an agent cannot move a ticket they do not hold.
        var (waitingId, _) = await IngestAsync();
        var (bob, bobId) = await SignedInAgentAsync("bob", [queue]);
        await HttpAssert.ProblemAsync(await bob.PostAsJsonAsync($"/v1/tickets/{waitingId}/transfer", new { agentId = bobId, note = "mine" }), 409);
        var assigned = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync($"/v1/tickets/{waitingId}/transfer", new { agentId = bobId, note = "bob knows them" }), 200);
        Assert.Equal(("claimed", bobId), (assigned.GetProperty("status").GetString(), assigned.GetProperty("claimedBy").GetString()));
        Assert.Equal([waitingId], (await HttpAssert.JsonAsync(await bob.GetAsync("/v1/agents/me/claims"), 200)).Strings());
        var listing = await HttpAssert.JsonAsync(await _acmeAdmin.GetAsync($"/v1/queues/{queue}?limit=200"), 200);
        Assert.DoesNotContain(waitingId, listing.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticketId").GetString()));
    }

    [Fact]
    public async Task Other_tenants_tickets_and_agents_do_not_exist_for_a_transfer()
    {
        var (ticketId, queue) = await IngestAsync();
        var (ana, _) = await SignedInAgentAsync("ana", [queue]);
        await HttpAssert.JsonAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);
        var globexAdmin = factory.ClientFor(TestTenants.Globex.AdminKey);
        var spyCreated = await HttpAssert.JsonAsync(await globexAdmin.PostAsJsonAsync("/v1/agents", Agent(TestMessages.UniqueEmail("spy"), [queue])), 201);
        var spy = factory.ClientFor(spyCreated.GetProperty("token").GetString());
        var spyId = spyCreated.GetProperty("agent").GetProperty("id").GetString();
        await HttpAssert.JsonAsync(await spy.PostAsync("/v1/agents/me/session", null), 200);

        await HttpAssert.ProblemAsync(await spy.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { queue = Other(queue), note = "x" }), 404);
        await HttpAssert.ProblemAsync(await globexAdmin.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { queue = Other(queue), note = "x" }), 404);
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/transfer", new { agentId = spyId, note = "x" }), 404, "Not found",
            "No agent with that id exists for this tenant.");

        var ticket = await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200);
        Assert.DoesNotContain(ticket.GetProperty("audit").EnumerateArray(), a => a.GetProperty("reasonCodes").Strings().Contains("transferred"));
        Assert.Empty((await HttpAssert.JsonAsync(await spy.GetAsync("/v1/agents/me/claims"), 200)).EnumerateArray());
    }

    /// <summary>Another of the default queues, to transfer to.</summary>
    private static string Other(string queue) => queue == "risk" ? "priority" : "risk";

    private async Task<(string TicketId, string Queue)> IngestAsync()
    {
        var ingested = await HttpAssert.JsonAsync(await _acmePlatform.PostMessageAsync(TestMessages.Valid()), 201);
        return (ingested.GetProperty("ticketId").GetString()!, ingested.GetProperty("queue").GetString()!);
    }

    private async Task<(HttpClient Client, string Id)> SignedInAgentAsync(string label, string[] queues, int capacity = 3) =>
        await AgentAsync(label, queues, capacity, signIn: true);

    private async Task<(HttpClient Client, string Id)> AgentAsync(string label, string[] queues, int capacity = 3, bool signIn = true)
    {
        var created = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", Agent(TestMessages.UniqueEmail(label), queues, capacity)), 201);
        var client = factory.ClientFor(created.GetProperty("token").GetString());
        if (signIn)
        {
            await HttpAssert.JsonAsync(await client.PostAsync("/v1/agents/me/session", null), 200);
        }

        return (client, created.GetProperty("agent").GetProperty("id").GetString()!);
    }

    private static JsonObject Agent(string email, string[] queues, int capacity = 3) => new()
    {
        ["name"] = "Agent",
        ["email"] = email,
        ["queues"] = new JsonArray(queues.Select(q => (JsonNode)q).ToArray()),
        ["capacity"] = capacity,
    };
}
