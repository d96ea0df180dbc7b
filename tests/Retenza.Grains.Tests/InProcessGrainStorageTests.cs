using Retenza.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Retenza.Grains.Tickets;
using Retenza.Hosting.Local;

namespace Retenza.Grains.Tests;

/// <summary>Local mode's storage must keep the grain-storage contract that PostgreSQL keeps in cluster mode.</summary>
public sealed class InProcessGrainStorageTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddTriageSerialization().BuildServiceProvider().GetRequiredService<Serializer>();
    private static readonly GrainId Grain = GrainId.Create("ticket", "demo/tkt-a");

    private readonly InProcessGrainStorage _storage = new(Serializer);

    private static GrainState<TicketState> State(string? etag = null, string customer = "cus-a") =>
        new(new TicketState { CustomerId = customer }) { ETag = etag };

    [Fact]
    public async Task A_missing_record_reads_as_new_state_without_an_etag()
    {
        var state = State(etag: "stale");

        await _storage.ReadStateAsync("ticket", Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal("", state.State!.CustomerId);
    }

    [Fact]
    public async Task A_write_is_read_back_as_a_copy_with_the_new_etag()
    {
        var written = State(customer: "cus-written");
        await _storage.WriteStateAsync("ticket", Grain, written);
        written.State!.CustomerId = "changed after the write";

        var read = State();
        await _storage.ReadStateAsync("ticket", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("cus-written", read.State!.CustomerId);
    }

    [Fact]
    public async Task State_names_keep_grains_apart()
    {
        await _storage.WriteStateAsync("ticket", Grain, State(customer: "cus-ticket"));

        var other = State();
        await _storage.ReadStateAsync("customer", Grain, other);

        Assert.False(other.RecordExists);
    }

    [Fact]
    public async Task A_stale_or_missing_etag_cannot_overwrite_and_changes_nothing()
    {
        var first = State(customer: "cus-first");
        await _storage.WriteStateAsync("ticket", Grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("ticket", Grain, State(etag: null, customer: "dup")));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("ticket", Grain, State(etag: "0", customer: "stale")));
        await _storage.WriteStateAsync("ticket", Grain, State(etag: first.ETag, customer: "cus-second"));

        var read = State();
        await _storage.ReadStateAsync("ticket", Grain, read);
        Assert.Equal("cus-second", read.State!.CustomerId);
        Assert.NotEqual(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_needs_the_current_etag_and_then_the_record_is_gone()
    {
        var written = State();
        await _storage.WriteStateAsync("ticket", Grain, written);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("ticket", Grain, State(etag: "0")));
        await _storage.ClearStateAsync("ticket", Grain, written);

        Assert.False(written.RecordExists);
        var read = State();
        await _storage.ReadStateAsync("ticket", Grain, read);
        Assert.False(read.RecordExists);
        await _storage.WriteStateAsync("ticket", Grain, State(etag: null));
    }
}
