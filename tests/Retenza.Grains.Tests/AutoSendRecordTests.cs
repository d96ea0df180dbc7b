using Microsoft.Extensions.DependencyInjection;
using Retenza.Analytics;
using Retenza.Customers;
using Retenza.Grains.Analytics;
using Retenza.Messages;
using Retenza.Tenancy;
using Retenza.Tickets;

namespace Retenza.Grains.Tests;

/// <summary>Issue 4: auto_reply_failed and human_requested count against the intent's auto-send record (under-escalation).</summary>
[Collection(ClusterCollection.Name)]
public sealed class AutoSendRecordTests(ClusterFixture fixture)
{
    private readonly string _tenant = Messages.NewTenant();

    private AutoSendTally Tally => fixture.SiloServices.GetRequiredService<AutoSendTally>();

    private IAutoSendRecordGrain Record(string tenant) => fixture.Grains.GetGrain<IAutoSendRecordGrain>(AnalyticsKeys.AutoSend(tenant));

    private ICustomerGrain Customer(string email) =>
        fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Compose(_tenant, CustomerIds.ForEmail(_tenant, email)));

    private static InboundMessage Answer(InboundMessage to, string ticketId, string text) =>
        Messages.Inbound(email: to.From.Email, text: text, orderId: null) with { Subject = "Re: " + to.Subject, InReplyTo = $"<{ticketId}.1@retenza>" };

    [Fact]
    public async Task Auto_sends_and_failed_auto_replies_are_counted_per_intent_after_a_flush()
    {
        var happy = Messages.Inbound(email: "happy@example.com", text: "route:auto intent:track_order where is it", orderId: null);
        var unhappy = Messages.Inbound(email: "unhappy@example.com", text: "route:auto intent:track_order where is it", orderId: null);
        var human = Messages.Inbound(email: "human@example.com", text: "route:auto intent:cancel_order cancel it", orderId: null);
        var a = await Customer(happy.From.Email).Ingest(happy);
        var b = await Customer(unhappy.From.Email).Ingest(unhappy);
        var c = await Customer(human.From.Email).Ingest(human);
        Assert.All(new[] { a, b, c }, r => Assert.Equal(TicketStatus.AutoReplied, r.Ticket!.Status));

        // Nothing reaches the record before a flush: ingest makes no grain call and no write for it.
        Assert.Empty(await Record(_tenant).Get());

        await Customer(happy.From.Email).Ingest(Answer(happy, a.Ticket!.TicketId, "route:auto intent:thanks Thanks, got it!"));
        await Customer(unhappy.From.Email).Ingest(Answer(unhappy, b.Ticket!.TicketId, "reason:auto_reply_failed intent:complaint This did not help at all."));
        await Customer(human.From.Email).Ingest(Answer(human, c.Ticket!.TicketId, "reason:human_requested intent:contact_human_agent Let me talk to a person."));
        await Tally.FlushAsync();

        // The failures count against the intent the auto reply was sent for, not the complaint's intent.
        var record = (await Record(_tenant).Get()).ToDictionary(i => i.Intent);
        Assert.Equal(["cancel_order", "thanks", "track_order"], record.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2L, 1L), (record["track_order"].AutoSent, record["track_order"].Failed));
        Assert.Equal((1L, 1L), (record["cancel_order"].AutoSent, record["cancel_order"].Failed));
        Assert.Equal((1L, 0L), (record["thanks"].AutoSent, record["thanks"].Failed)); // the happy reply reopened and was auto-answered
        Assert.Empty(await Record(Messages.NewTenant()).Get());
    }

    [Fact]
    public async Task A_retried_batch_counts_once_and_a_newer_one_adds()
    {
        var record = Record(_tenant);
        var key = GrainId.Create("autosendrecord", AnalyticsKeys.AutoSend(_tenant));
        var batch = new AutoSendBatch("silo-a", 7, [new IntentAutoSendCount("track_order", 3, 1)]);

        await record.Add(batch);
        await record.Add(batch);
        await record.Add(batch with { Sequence = 6 });
        var writes = fixture.Storage.Writes("autosend", key);
        await record.Add(new AutoSendBatch("silo-a", 8, [new IntentAutoSendCount("track_order", 1, 0)]));
        await record.Add(new AutoSendBatch("silo-b", 1, [new IntentAutoSendCount("refund", 2, 2)]));

        Assert.Equal(1, writes);
        Assert.Equal(
            [new IntentAutoSendCount("refund", 2, 2), new IntentAutoSendCount("track_order", 4, 1)],
            await record.Get());
    }

    [Fact]
    public async Task A_flush_with_nothing_counted_calls_and_writes_nothing()
    {
        var key = GrainId.Create("autosendrecord", AnalyticsKeys.AutoSend(_tenant));
        await Tally.FlushAsync();
        Assert.Equal(0, fixture.Storage.Writes("autosend", key));
        Assert.Empty(await Record(_tenant).Get());
    }
}
