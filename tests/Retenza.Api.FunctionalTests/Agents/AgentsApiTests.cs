using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retenza.Api.FunctionalTests.Agents;

/// <summary>Agents and their tokens, roles kept apart, and the claim path through HTTP.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgentsApiTests(RetenzaApiFactory factory)
{
    private readonly HttpClient _acmeAdmin = factory.ClientFor(TestTenants.Acme.AdminKey);
    private readonly HttpClient _acmePlatform = factory.ClientFor(TestTenants.Acme.PlatformKey);

    [Fact]
    public async Task Admin_creates_an_agent_whose_token_is_shown_once_and_authenticates()
    {
        var email = TestMessages.UniqueEmail("agent");
        var created = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", Agent(email)), 201);

        var agent = created.GetProperty("agent");
        var id = agent.GetProperty("id").GetString()!;
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("agt-", id);
        Assert.StartsWith("rtz_agt_acme_" + id + "_", token);
        Assert.Equal(email, agent.GetProperty("email").GetString());
        Assert.Equal(["review", "escalations"], agent.GetProperty("queues").Strings());

        var me = await HttpAssert.JsonAsync(await factory.ClientFor(token).GetAsync("/v1/agents/me"), 200);
        Assert.Equal(id, me.GetProperty("agent").GetProperty("id").GetString());
        Assert.False(me.GetProperty("session").GetProperty("signedIn").GetBoolean());
        var read = await HttpAssert.JsonAsync(await _acmeAdmin.GetAsync($"/v1/agents/{id}"), 200);
        Assert.DoesNotContain("token", read.PropertyNames(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Creating_the_same_email_again_is_409_and_keeps_the_first_token()
    {
        var email = TestMessages.UniqueEmail("agent");
        var token = await CreateAgentAsync(email);

        await HttpAssert.ProblemAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", Agent(email.ToUpperInvariant())), 409);

        await HttpAssert.JsonAsync(await factory.ClientFor(token).GetAsync("/v1/agents/me"), 200);
    }

    [Fact]
    public async Task An_invalid_agent_names_every_broken_field_and_creates_nothing()
    {
        var errors = await HttpAssert.ValidationProblemAsync(
            await _acmeAdmin.PostAsJsonAsync("/v1/agents", new { name = "", email = "nope", queues = new[] { "review", "vip-lounge" }, capacity = 0 }),
            "The agent is not valid");

        Assert.Equal(["capacity", "email", "name", "queues[1]"], errors.Keys.Order().ToArray());
        await HttpAssert.ProblemAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", new { name = "x", email = "a@b.test", queues = new[] { "review" }, capacity = 1, role = "boss" }), 400);
    }

    [Fact]
    public async Task A_new_token_replaces_the_old_one()
    {
        var email = TestMessages.UniqueEmail("agent");
        var created = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", Agent(email)), 201);
        var id = created.GetProperty("agent").GetProperty("id").GetString()!;
        var old = created.GetProperty("token").GetString()!;

        var issued = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsync($"/v1/agents/{id}/token", null), 200);

        var fresh = issued.GetProperty("token").GetString()!;
        Assert.NotEqual(old, fresh);
        await HttpAssert.JsonAsync(await factory.ClientFor(fresh).GetAsync("/v1/agents/me"), 200);
        await HttpAssert.ProblemAsync(await factory.ClientFor(old).GetAsync("/v1/agents/me"), 401);
        await HttpAssert.ProblemAsync(await _acmeAdmin.PostAsync("/v1/agents/agt-doesnotexist/token", null), 404);
    }

    [Theory]
    [InlineData("rtz_agt_acme_agt-aaaa_0000000000000000000000000000000000000000")]
    [InlineData("rtz_agt_garbage")]
    [InlineData("rtz_agt_NoSuch Tenant_agt-aaaa_0000000000000000000000000000000000000000")]
    public async Task A_forged_agent_token_is_401(string token)
    {
        await HttpAssert.ProblemAsync(await factory.ClientFor(token).GetAsync("/v1/agents/me"), 401);
    }

    [Fact]
    public async Task Roles_stay_apart_platform_and_admin_keys_cannot_act_as_agents_and_agents_cannot_administer()
    {
        var token = await CreateAgentAsync(TestMessages.UniqueEmail("agent"));
        var agent = factory.ClientFor(token);

        await HttpAssert.ProblemAsync(await agent.PostAsJsonAsync("/v1/agents", Agent(TestMessages.UniqueEmail())), 403);
        await HttpAssert.ProblemAsync(await agent.GetAsync("/v1/tenant"), 403);
        await HttpAssert.ProblemAsync(await agent.GetAsync("/v1/policy"), 403);
        await HttpAssert.ProblemAsync(await agent.PostMessageAsync(TestMessages.Valid()), 403);
        await HttpAssert.ProblemAsync(await _acmePlatform.PostAsJsonAsync("/v1/agents", Agent(TestMessages.UniqueEmail())), 403);
        foreach (var key in new[] { _acmePlatform, _acmeAdmin })
        {
            await HttpAssert.ProblemAsync(await key.PostAsync("/v1/agents/me/claims", null), 403);
            await HttpAssert.ProblemAsync(await key.PostAsync("/v1/agents/me/session", null), 403);
            await HttpAssert.ProblemAsync(await key.PostAsync("/v1/tickets/tkt-aaaaaaaaaaaaaaaaaaaaaaaa/claim", null), 403);
        }

        await HttpAssert.ProblemAsync(await _acmePlatform.GetAsync("/v1/queues"), 403);
        await HttpAssert.JsonAsync(await _acmeAdmin.GetAsync("/v1/queues"), 200);
    }

    [Fact]
    public async Task An_agent_signs_in_claims_reads_the_briefing_and_releases_and_a_rival_gets_409()
    {
        var ingested = await HttpAssert.JsonAsync(await _acmePlatform.PostMessageAsync(TestMessages.Valid()), 201);
        var ticketId = ingested.GetProperty("ticketId").GetString()!;
        var queue = ingested.GetProperty("queue").GetString()!;
        var ana = factory.ClientFor(await CreateAgentAsync(TestMessages.UniqueEmail("ana"), [queue]));
        var bob = factory.ClientFor(await CreateAgentAsync(TestMessages.UniqueEmail("bob"), [queue]));

        await HttpAssert.ProblemAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 409, "Not signed in",
            "Sign in first: POST /v1/agents/me/session.");
        var session = await HttpAssert.JsonAsync(await ana.PostAsync("/v1/agents/me/session", null), 200);
        Assert.True(session.GetProperty("signedIn").GetBoolean());
        await HttpAssert.JsonAsync(await bob.PostAsJsonAsync("/v1/agents/me/session", new { capacity = 1 }), 200);
        var listing = await HttpAssert.JsonAsync(await ana.GetAsync($"/v1/queues/{queue}?limit=200"), 200);
        Assert.Contains(ticketId, listing.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticketId").GetString()));

        var claim = await HttpAssert.JsonAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);
        Assert.Equal("claimed", claim.GetProperty("status").GetString());
        var rival = await HttpAssert.ProblemAsync(await bob.PostAsync($"/v1/tickets/{ticketId}/claim", null), 409);
        Assert.Equal("Ticket not claimable", rival.GetProperty("title").GetString());

        var briefing = await HttpAssert.JsonAsync(await ana.GetAsync(claim.GetProperty("briefing").GetString()), 200);
        Assert.Equal(ticketId, briefing.GetProperty("ticketId").GetString());
        Assert.False(string.IsNullOrEmpty(briefing.GetProperty("summary").GetString()));
        Assert.Equal(JsonValueKind.Object, briefing.GetProperty("order").ValueKind);
        Assert.Equal(JsonValueKind.Object, briefing.GetProperty("customer").ValueKind);
        Assert.NotEmpty(briefing.GetProperty("reasons").EnumerateArray());
        Assert.Single(briefing.GetProperty("thread").EnumerateArray());
        Assert.Equal("claimed", briefing.GetProperty("audit").EnumerateArray().Last().GetProperty("to").GetString());

        await HttpAssert.ProblemAsync(await bob.PostAsync($"/v1/tickets/{ticketId}/release", null), 409);
        var released = await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/release", new { note = "need a colleague" });
        Assert.Equal(204, (int)released.StatusCode);
        var ticket = await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200);
        var last = ticket.GetProperty("audit").EnumerateArray().Last();
        Assert.Equal(["released"], last.GetProperty("reasonCodes").Strings());
        Assert.Equal("need a colleague", last.GetProperty("note").GetString());
        await HttpAssert.JsonAsync(await bob.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);
    }

    [Fact]
    public async Task Claim_next_drains_the_queue_then_answers_204_and_sign_out_returns_the_claims()
    {
        var ingested = await HttpAssert.JsonAsync(await _acmePlatform.PostMessageAsync(TestMessages.Valid()), 201);
        var ticketId = ingested.GetProperty("ticketId").GetString()!;
        var queue = ingested.GetProperty("queue").GetString()!;
        var agent = factory.ClientFor(await CreateAgentAsync(TestMessages.UniqueEmail("drain"), [queue], capacity: 50));
        await HttpAssert.JsonAsync(await agent.PostAsync("/v1/agents/me/session", null), 200);

        var claimed = new List<string>();
        HttpResponseMessage response;
        while ((int)(response = await agent.PostAsync("/v1/agents/me/claims", null)).StatusCode == 200 && claimed.Count < 50)
        {
            claimed.Add((await HttpAssert.JsonAsync(response, 200)).GetProperty("ticketId").GetString()!);
        }

        Assert.Contains(ticketId, claimed);
        if (claimed.Count < 50)
        {
            Assert.Equal(204, (int)response.StatusCode);
        }

        var me = await HttpAssert.JsonAsync(await agent.GetAsync("/v1/agents/me/claims"), 200);
        Assert.Equal(claimed.Order(), me.Strings().Order());
        await HttpAssert.JsonAsync(await agent.PostAsync("/v1/agents/me/heartbeat", null), 200);
        var ended = await HttpAssert.JsonAsync(await agent.DeleteAsync("/v1/agents/me/session"), 200);
        Assert.Empty(ended.GetProperty("claims").EnumerateArray());
        var ticket = await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200);
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("claimedBy").ValueKind);
        await HttpAssert.ProblemAsync(await agent.PostAsync("/v1/agents/me/heartbeat", null), 409);
    }

    [Fact]
    public async Task Queues_list_counts_and_an_unknown_queue_is_404()
    {
        var ingested = await HttpAssert.JsonAsync(await _acmePlatform.PostMessageAsync(TestMessages.Valid()), 201);
        var queue = ingested.GetProperty("queue").GetString()!;

        var queues = await HttpAssert.JsonAsync(await _acmeAdmin.GetAsync("/v1/queues"), 200);

        var names = queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()).ToArray();
        Assert.Superset(new HashSet<string?> { "review", "escalations", "priority", "risk" }, names.ToHashSet());
        var mine = queues.EnumerateArray().Single(q => q.GetProperty("name").GetString() == queue);
        Assert.True(mine.GetProperty("waiting").GetInt32() >= 1);
        Assert.True(mine.GetProperty("oldestAgeSeconds").GetDouble() >= 0);
        await HttpAssert.ProblemAsync(await _acmeAdmin.GetAsync("/v1/queues/nope"), 404);
    }

    [Fact]
    public async Task An_agent_of_another_tenant_sees_nothing_of_this_one()
    {
        var ingested = await HttpAssert.JsonAsync(await _acmePlatform.PostMessageAsync(TestMessages.Valid()), 201);
        var ticketId = ingested.GetProperty("ticketId").GetString()!;
        var globexAdmin = factory.ClientFor(TestTenants.Globex.AdminKey);
        var created = await HttpAssert.JsonAsync(await globexAdmin.PostAsJsonAsync("/v1/agents", Agent(TestMessages.UniqueEmail("spy"))), 201);
        var spy = factory.ClientFor(created.GetProperty("token").GetString());
        await HttpAssert.JsonAsync(await spy.PostAsync("/v1/agents/me/session", null), 200);

        await HttpAssert.ProblemAsync(await spy.GetAsync($"/v1/tickets/{ticketId}/briefing"), 404);
        await HttpAssert.ProblemAsync(await spy.PostAsync($"/v1/tickets/{ticketId}/claim", null), 404);
        var acmeAgentId = (await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", Agent(TestMessages.UniqueEmail())), 201))
            .GetProperty("agent").GetProperty("id").GetString();
        await HttpAssert.ProblemAsync(await globexAdmin.GetAsync($"/v1/agents/{acmeAgentId}"), 404);
    }

    [Fact]
    public async Task The_holder_replies_with_an_outcome_against_the_draft_and_gives_feedback_others_are_refused()
    {
        var ingested = await HttpAssert.JsonAsync(await _acmePlatform.PostMessageAsync(TestMessages.Valid()), 201);
        var ticketId = ingested.GetProperty("ticketId").GetString()!;
        var queue = ingested.GetProperty("queue").GetString()!;
        var ana = factory.ClientFor(await CreateAgentAsync(TestMessages.UniqueEmail("ana"), [queue]));
        var bob = factory.ClientFor(await CreateAgentAsync(TestMessages.UniqueEmail("bob"), [queue]));
        await ana.PostAsync("/v1/agents/me/session", null);
        await bob.PostAsync("/v1/agents/me/session", null);
        await HttpAssert.JsonAsync(await ana.PostAsync($"/v1/tickets/{ticketId}/claim", null), 200);
        var briefing = await HttpAssert.JsonAsync(await ana.GetAsync($"/v1/tickets/{ticketId}/briefing"), 200);
        var draft = briefing.GetProperty("draft").ValueKind == JsonValueKind.Object ? briefing.GetProperty("draft").GetProperty("text").GetString() : null;

        await HttpAssert.ProblemAsync(await bob.PostAsJsonAsync($"/v1/tickets/{ticketId}/reply", new { text = "hijack" }), 409, "Not your claim",
            "Only the agent holding a claimed ticket may reply to it; claim it first.");
        await HttpAssert.ValidationProblemAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/reply", new { text = " " }), "The reply is not valid");
        var reply = await HttpAssert.JsonAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/reply", new { text = draft ?? "We are on it.", resolve = true }), 200);

        Assert.Equal("resolved", reply.GetProperty("status").GetString());
        Assert.Equal(draft is null ? "no_draft" : "accepted_as_is", reply.GetProperty("outcome").GetProperty("class").GetString());
        var messageId = reply.GetProperty("messageId").GetString()!;
        var ticket = await HttpAssert.JsonAsync(await _acmePlatform.GetTicketAsync(ticketId), 200);
        var sent = ticket.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal(messageId, sent.GetProperty("messageId").GetString());
        Assert.Equal("outbound", sent.GetProperty("direction").GetString());
        Assert.Empty((await HttpAssert.JsonAsync(await ana.GetAsync("/v1/agents/me/claims"), 200)).EnumerateArray());
        await HttpAssert.ProblemAsync(await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/reply", new { text = "again" }), 409);

        await HttpAssert.ProblemAsync(await bob.PostAsJsonAsync($"/v1/tickets/{ticketId}/feedback", new { escalationNeeded = false }), 409);
        var invalid = await HttpAssert.ValidationProblemAsync(
            await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/feedback", new { correctIntent = "buy_a_pony" }), "The feedback is not valid");
        Assert.Equal(["correctIntent"], invalid.Keys.ToArray());
        var feedback = await HttpAssert.JsonAsync(
            await ana.PostAsJsonAsync($"/v1/tickets/{ticketId}/feedback", new { escalationNeeded = false, correctIntent = "track_order", note = "easy one" }), 200);
        Assert.Equal("track_order", feedback.GetProperty("correctIntent").GetString());

        var log = await HttpAssert.JsonAsync(await _acmeAdmin.GetAsync("/v1/outcomes"), 200);
        Assert.Contains(log.GetProperty("outcomes").EnumerateArray(), o => o.GetProperty("ticketId").GetString() == ticketId);
        Assert.Contains(log.GetProperty("feedback").EnumerateArray(), f => f.GetProperty("ticketId").GetString() == ticketId);
        await HttpAssert.ProblemAsync(await ana.GetAsync("/v1/outcomes"), 403);
        await HttpAssert.ValidationProblemAsync(await _acmeAdmin.GetAsync("/v1/outcomes?date=yesterday"), "One or more validation errors occurred.");
    }

    private static JsonObject Agent(string email, string[]? queues = null, int capacity = 3) => new()
    {
        ["name"] = "Ana Agent",
        ["email"] = email,
        ["queues"] = new JsonArray((queues ?? ["review", "escalations"]).Select(q => (JsonNode)q).ToArray()),
        ["capacity"] = capacity,
    };

    private async Task<string> CreateAgentAsync(string email, string[]? queues = null, int capacity = 3)
    {
        var created = await HttpAssert.JsonAsync(await _acmeAdmin.PostAsJsonAsync("/v1/agents", Agent(email, queues, capacity)), 201);
        return created.GetProperty("token").GetString()!;
    }
}
