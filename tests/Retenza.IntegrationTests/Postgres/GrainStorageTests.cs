using System.Security.Cryptography;
using Npgsql;
using Orleans.Storage;

namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// The ADO.NET grain storage on our schema (the provider contract's persistence checklist):
/// ETag rules, both clear modes, every key kind, hash collisions and concurrency.
/// </summary>
public abstract class GrainStorageTests(PostgresServer server, string timeZone, bool deleteStateOnClear) : IAsyncLifetime
{
    private const string StateName = "state";

    private string _connectionString = "";
    private IGrainStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateMigratedDatabaseAsync(timeZone);
        _storage = await NewStorageAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] KeyKindNames =
    [
        "guid", "guid+ext", "guid-empty", "int", "int+ext", "int-negative", "int-zero", "int-max",
        "string", "string-tenant", "string-cyrillic", "string-digits", "string-long", "string-symbols",
    ];

    public static TheoryData<string> KeyKinds() => new(KeyKindNames);

    [Fact]
    public async Task Reading_a_missing_grain_gives_no_record_and_no_etag()
    {
        var state = NewState();

        await _storage.ReadStateAsync(StateName, TicketGrain("demo/tkt-missing"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Empty(state.State);
    }

    [Fact]
    public async Task Written_state_reads_back_with_the_same_etag()
    {
        var grain = TicketGrain("demo/tkt-abc");
        var written = NewState(("subject", "Printer on fire"));

        await _storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Fact]
    public async Task Every_write_gives_a_new_etag()
    {
        var grain = TicketGrain("demo/tkt-etags");
        var state = NewState(("n", "0"));
        var etags = new List<string?>();

        for (var i = 1; i <= 5; i++)
        {
            state.State["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await _storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(5, etags.Distinct().Count());
        Assert.Equal("5", (await ReadAsync(grain)).State["n"]);
    }

    [Fact]
    public async Task A_second_first_write_is_an_inconsistent_state()
    {
        var grain = TicketGrain("demo/tkt-dup");
        await _storage.WriteStateAsync(StateName, grain, NewState(("owner", "first")));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, NewState(("owner", "second"))));

        Assert.Equal("first", (await ReadAsync(grain)).State["owner"]);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_an_inconsistent_state()
    {
        var grain = TicketGrain("demo/tkt-stale");
        var state = NewState(("v", "1"));
        await _storage.WriteStateAsync(StateName, grain, state);
        var staleEtag = state.ETag;
        state.State["v"] = "2";
        await _storage.WriteStateAsync(StateName, grain, state);

        var stale = NewState(("v", "stale"));
        stale.ETag = staleEtag;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, stale));

        Assert.Equal("2", (await ReadAsync(grain)).State["v"]);
    }

    [Fact]
    public async Task Clear_removes_the_state_according_to_the_clear_mode()
    {
        var grain = TicketGrain("demo/tkt-clear");
        var state = NewState(("v", "1"));
        await _storage.WriteStateAsync(StateName, grain, state);
        var writtenEtag = state.ETag;

        await _storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Empty(state.State);
        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Empty(read.State);
        if (deleteStateOnClear)
        {
            // Row deleted: no ETag, and the next first write inserts again.
            Assert.Null(state.ETag);
            Assert.Null(read.ETag);
            await _storage.WriteStateAsync(StateName, grain, NewState(("v", "reborn")));
        }
        else
        {
            // Row kept with a new version: a first write must fail, a write with the current ETag succeeds.
            Assert.NotNull(state.ETag);
            Assert.NotEqual(writtenEtag, state.ETag);
            Assert.Equal(state.ETag, read.ETag);
            await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, NewState(("v", "intruder"))));
            read.State["v"] = "reborn";
            await _storage.WriteStateAsync(StateName, grain, read);
        }

        Assert.Equal("reborn", (await ReadAsync(grain)).State["v"]);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_an_inconsistent_state()
    {
        var grain = TicketGrain("demo/tkt-stale-clear");
        var state = NewState(("v", "1"));
        await _storage.WriteStateAsync(StateName, grain, state);
        var stale = NewState();
        stale.ETag = state.ETag;
        stale.RecordExists = true;
        await _storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, grain, stale));

        Assert.Equal("1", (await ReadAsync(grain)).State["v"]);
    }

    [Fact]
    public async Task Clearing_a_grain_that_was_never_written_is_a_no_op()
    {
        var state = NewState();

        await _storage.ClearStateAsync(StateName, TicketGrain("demo/tkt-never"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public async Task Each_key_kind_round_trips_through_write_clear_and_rewrite(string kind)
    {
        var grain = GrainOfKind(kind);
        var state = NewState(("kind", kind));

        await _storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal(kind, (await ReadAsync(grain)).State["kind"]);

        await _storage.ClearStateAsync(StateName, grain, state);
        Assert.False((await ReadAsync(grain)).RecordExists);

        state.State["kind"] = kind + "-again";
        await _storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal(kind + "-again", (await ReadAsync(grain)).State["kind"]);
    }

    [Fact]
    public async Task Grains_that_share_every_hash_do_not_see_each_others_state()
    {
        // Orleans' own tests run with a constant hasher: the hashes only narrow lookups, the natural key decides.
        var storage = await NewStorageAsync(hasher: new ConstantHasher());
        // Except Guid.Empty: Orleans maps it and integer 0 to the same (N0, N1) with no extension, so they share a
        // row whatever the schema does (it sends no key kind).
        var grains = KeyKindNames.Where(kind => kind != "guid-empty").Select(kind => (Name: kind, Grain: GrainOfKind(kind))).ToArray();
        string[] stateNames = [StateName, "other-state", "Retenza.Grains.Box`1[[System.String, System.Private.CoreLib]]", "Retenza.Grains.Box`1[[System.Int32, System.Private.CoreLib]]"];

        foreach (var stateName in stateNames)
        {
            foreach (var (name, grain) in grains)
            {
                await storage.WriteStateAsync(stateName, grain, NewState(("who", $"{stateName}|{name}")));
            }
        }

        foreach (var stateName in stateNames)
        {
            foreach (var (name, grain) in grains)
            {
                var read = NewState();
                await storage.ReadStateAsync(stateName, grain, read);
                Assert.Equal($"{stateName}|{name}", read.State["who"]);
            }
        }

        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(DISTINCT (grain_id_hash, grain_type_hash)) FROM orleans_storage"));
    }

    [Fact]
    public async Task Same_key_under_another_service_id_is_another_grain()
    {
        var grain = TicketGrain("demo/tkt-shared");
        var otherService = await NewStorageAsync(serviceId: "another-service");

        await _storage.WriteStateAsync(StateName, grain, NewState(("service", "ours")));
        await otherService.WriteStateAsync(StateName, grain, NewState(("service", "theirs")));

        Assert.Equal("ours", (await ReadAsync(grain)).State["service"]);
        var theirs = NewState();
        await otherService.ReadStateAsync(StateName, grain, theirs);
        Assert.Equal("theirs", theirs.State["service"]);
    }

    [Fact]
    public async Task A_multi_megabyte_payload_round_trips()
    {
        var grain = TicketGrain("demo/tkt-big");
        var big = Convert.ToBase64String(RandomNumberGenerator.GetBytes(6 * 1024 * 1024));
        var state = NewState(("body", big));

        await _storage.WriteStateAsync(StateName, grain, state);
        state.State["body"] = big + "!";
        await _storage.WriteStateAsync(StateName, grain, state);

        Assert.Equal(big + "!", (await ReadAsync(grain)).State["body"]);
    }

    [Fact]
    public async Task A_hundred_grains_written_in_parallel_each_keep_their_own_state()
    {
        var grains = Enumerable.Range(0, 100).Select(i => TicketGrain($"demo/tkt-{i:D3}")).ToArray();

        await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
        {
            var state = NewState(("id", grain.ToString()));
            await _storage.WriteStateAsync(StateName, grain, state);
            state.State["updated"] = "yes";
            await _storage.WriteStateAsync(StateName, grain, state);
        })));

        var reads = await Task.WhenAll(grains.Select(grain => Task.Run(() => ReadAsync(grain))));
        Assert.All(grains.Zip(reads), pair =>
        {
            Assert.Equal(pair.First.ToString(), pair.Second.State["id"]);
            Assert.Equal("yes", pair.Second.State["updated"]);
        });
    }

    [Fact]
    public async Task Of_concurrent_first_writes_to_one_grain_exactly_one_wins()
    {
        var grain = TicketGrain("demo/tkt-race");
        var contenders = Enumerable.Range(0, 10).Select(i => NewState(("winner", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray();

        var outcomes = await Task.WhenAll(contenders.Select(state => Task.Run(async () =>
        {
            try
            {
                await _storage.WriteStateAsync(StateName, grain, state);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        var winner = contenders[Array.IndexOf(outcomes, true)];
        Assert.Single(outcomes, won => won);
        var read = await ReadAsync(grain);
        Assert.Equal(winner.State["winner"], read.State["winner"]);
        Assert.Equal(winner.ETag, read.ETag);
    }

    private Task<IGrainStorage> NewStorageAsync(string serviceId = "retenza-test", IHasher? hasher = null) =>
        OrleansProviders.GrainStorageAsync(_connectionString, serviceId, deleteStateOnClear, hasher);

    private async Task<TicketState> ReadAsync(GrainId grain)
    {
        var state = NewState();
        await _storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static TicketState NewState(params (string Key, string Value)[] entries) =>
        new() { State = entries.ToDictionary(e => e.Key, e => e.Value) };

    private static GrainId TicketGrain(string key) => GrainId.Create("ticket", key);

    private static GrainId GrainOfKind(string kind)
    {
        var type = GrainType.Create("ticket");
        var guid = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        return kind switch
        {
            "guid" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            "guid+ext" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "demo")),
            "guid-empty" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.Empty)),
            "int" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42)),
            "int+ext" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42, "demo")),
            "int-negative" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(-42)),
            "int-zero" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(0)),
            "int-max" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(long.MaxValue)),
            "string" => GrainId.Create(type, "tkt-abc"),
            "string-tenant" => GrainId.Create(type, "demo/tkt-abc"),
            "string-cyrillic" => GrainId.Create(type, "демо/тикет-Ёж"),
            "string-digits" => GrainId.Create(type, "0012345"),
            "string-long" => GrainId.Create(type, "demo/" + new string('x', 5000)),
            "string-symbols" => GrainId.Create(type, "demo/a b'c\"d;--%_\\é#1"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}

/// <summary>Grain state as the storage sees it; a string map serializes without generated code.</summary>
public sealed class TicketState : IGrainState<Dictionary<string, string>>
{
    private Dictionary<string, string> _state = [];

    // The interface allows null (the provider never sets it); treat null as empty.
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public Dictionary<string, string> State
    {
        get => _state;
        set => _state = value ?? [];
    }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageKeepRowUtcTests(PostgresServer server) : GrainStorageTests(server, "UTC", deleteStateOnClear: false);

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageDeleteRowUtcTests(PostgresServer server) : GrainStorageTests(server, "UTC", deleteStateOnClear: true);

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageKeepRowNonUtcTests(PostgresServer server) : GrainStorageTests(server, "Asia/Kolkata", deleteStateOnClear: false);

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageDeleteRowNonUtcTests(PostgresServer server) : GrainStorageTests(server, "Asia/Kolkata", deleteStateOnClear: true);
