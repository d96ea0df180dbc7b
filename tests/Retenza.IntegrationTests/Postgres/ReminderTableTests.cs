namespace Retenza.IntegrationTests.Postgres;

/// <summary>
/// The ADO.NET reminder table on our schema (the provider contract's reminders checklist):
/// versions per upsert, delete semantics, signed ring ranges, int and bigint periods, UTC times, long ids.
/// </summary>
public abstract class ReminderTableTests(PostgresServer server, string timeZone) : IAsyncLifetime
{
    private const string ServiceId = "retenza-test";

    private string _connectionString = "";
    private IReminderTable _table = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateMigratedDatabaseAsync(timeZone);
        _table = await OrleansProviders.ReminderTableAsync(_connectionString, ServiceId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Upserted_reminders_read_back_one_by_one_and_per_grain()
    {
        var ticket = Grain("demo/tkt-1");
        var other = Grain("demo/tkt-2");
        var sla = NewReminder(ticket, "sla-breach");
        var digest = NewReminder(ticket, "daily-digest", TimeSpan.FromDays(1));
        sla.ETag = await _table.UpsertRow(sla);
        digest.ETag = await _table.UpsertRow(digest);
        await _table.UpsertRow(NewReminder(other, "sla-breach"));

        AssertSameReminder(sla, await _table.ReadRow(ticket, "sla-breach"));
        var rows = (await _table.ReadRows(ticket)).Reminders.OrderBy(r => r.ReminderName, StringComparer.Ordinal).ToArray();
        Assert.Equal(2, rows.Length);
        AssertSameReminder(digest, rows[0]);
        AssertSameReminder(sla, rows[1]);
        Assert.Null(await _table.ReadRow(ticket, "no-such-reminder"));
        Assert.Empty((await _table.ReadRows(Grain("demo/tkt-none"))).Reminders);
    }

    [Fact]
    public async Task Re_upserting_changes_the_values_and_gives_a_new_etag()
    {
        var reminder = NewReminder(Grain("demo/tkt-re"), "sla");
        var first = await _table.UpsertRow(reminder);

        reminder.Period = TimeSpan.FromMinutes(5);
        reminder.StartAt = reminder.StartAt.AddHours(1);
        var second = await _table.UpsertRow(reminder);

        Assert.NotEqual(first, second);
        reminder.ETag = second;
        AssertSameReminder(reminder, await _table.ReadRow(reminder.GrainId, reminder.ReminderName));
    }

    [Fact]
    public async Task Five_parallel_upserts_give_five_distinct_etags()
    {
        var grain = Grain("demo/tkt-parallel");
        await _table.UpsertRow(NewReminder(grain, "sla"));

        var etags = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Task.Run(() => _table.UpsertRow(NewReminder(grain, "sla", TimeSpan.FromMinutes(i))))));

        Assert.Equal(5, etags.Distinct().Count());
        Assert.Contains((await _table.ReadRow(grain, "sla"))!.ETag, etags);
    }

    [Fact]
    public async Task Remove_needs_the_current_etag_and_the_right_name()
    {
        var reminder = NewReminder(Grain("demo/tkt-remove"), "sla");
        var staleEtag = (await _table.UpsertRow(reminder))!;
        var etag = (await _table.UpsertRow(reminder))!;

        Assert.False(await _table.RemoveRow(reminder.GrainId, reminder.ReminderName, staleEtag));
        Assert.False(await _table.RemoveRow(reminder.GrainId, "other-name", etag));
        Assert.NotNull(await _table.ReadRow(reminder.GrainId, reminder.ReminderName));

        Assert.True(await _table.RemoveRow(reminder.GrainId, reminder.ReminderName, etag));
        Assert.False(await _table.RemoveRow(reminder.GrainId, reminder.ReminderName, etag));
        Assert.Null(await _table.ReadRow(reminder.GrainId, reminder.ReminderName));
    }

    [Fact]
    public async Task Ring_ranges_match_an_unsigned_ring_reference()
    {
        var grains = Enumerable.Range(0, 120).Select(i => Grain($"demo/tkt-ring-{i}")).ToArray();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(NewReminder(grain, "ring"));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).ToArray();
        var random = new Random(20240607);
        var ranges = new List<(uint Begin, uint End)>
        {
            (0, uint.MaxValue), (0, 0), (uint.MaxValue, uint.MaxValue), (uint.MaxValue, 0),
            (int.MaxValue, (uint)int.MaxValue + 1), ((uint)int.MaxValue + 1, int.MaxValue),
            (hashes[0], hashes[1]), (hashes[1], hashes[0]), (hashes[2], hashes[2]),
        };
        ranges.AddRange(Enumerable.Range(0, 60).Select(_ => ((uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32))));

        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InUnsignedRing(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
            var actual = (await _table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(actual), $"range ({begin}, {end}]");
        }

        Assert.Equal(grains.Count(g => g.GetUniformHashCode() != 0), (await _table.ReadRows(0, uint.MaxValue)).Reminders.Count);
        Assert.Equal(grains.Length, (await _table.ReadRows(0, 0)).Reminders.Count);
    }

    [Theory]
    [InlineData(60_000L)] // 1 minute: sent as integer
    [InlineData(2_592_000_000L)] // 30 days: over int.MaxValue ms, sent as bigint
    public async Task Periods_round_trip_on_the_int_and_the_bigint_path(long periodMilliseconds)
    {
        var reminder = NewReminder(Grain("demo/tkt-period"), "period", TimeSpan.FromMilliseconds(periodMilliseconds));

        reminder.ETag = await _table.UpsertRow(reminder);

        AssertSameReminder(reminder, await _table.ReadRow(reminder.GrainId, reminder.ReminderName));
    }

    [Fact]
    public async Task Start_time_round_trips_in_utc_and_unspecified_kind_is_taken_as_utc()
    {
        var utc = NewReminder(Grain("demo/tkt-utc"), "utc");
        utc.StartAt = new DateTime(2031, 12, 31, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234560);
        var unspecified = NewReminder(Grain("demo/tkt-unspecified"), "unspecified");
        unspecified.StartAt = new DateTime(2030, 3, 30, 1, 30, 0, DateTimeKind.Unspecified);

        await _table.UpsertRow(utc);
        await _table.UpsertRow(unspecified);

        var readUtc = (await _table.ReadRow(utc.GrainId, "utc"))!.StartAt;
        var readUnspecified = (await _table.ReadRow(unspecified.GrainId, "unspecified"))!.StartAt;
        Assert.Equal(DateTimeKind.Utc, readUtc.Kind);
        Assert.Equal(utc.StartAt, readUtc);
        Assert.Equal(new DateTime(2030, 3, 30, 1, 30, 0, DateTimeKind.Utc), readUnspecified);
    }

    [Fact]
    public async Task Long_grain_ids_and_special_characters_round_trip()
    {
        var grain = GrainId.Create("ticket", "демо/" + string.Concat(Enumerable.Repeat("tkt-'\"; DROP TABLE x;--%_\\ ", 12)));
        Assert.True(grain.ToString().Length > 150);
        var reminder = NewReminder(grain, "daily «digest» – ünïcødé 'quoted'");

        reminder.ETag = await _table.UpsertRow(reminder);

        AssertSameReminder(reminder, await _table.ReadRow(grain, reminder.ReminderName));
        AssertSameReminder(reminder, Assert.Single((await _table.ReadRows(grain)).Reminders));
        Assert.True(await _table.RemoveRow(grain, reminder.ReminderName, reminder.ETag!));
    }

    [Fact]
    public async Task Clearing_one_service_spares_the_others()
    {
        var otherService = await OrleansProviders.ReminderTableAsync(_connectionString, "another-service");
        var grain = Grain("demo/tkt-shared");
        await _table.UpsertRow(NewReminder(grain, "sla"));
        await otherService.UpsertRow(NewReminder(grain, "sla"));

        await _table.TestOnlyClearTable();

        Assert.Null(await _table.ReadRow(grain, "sla"));
        Assert.NotNull(await otherService.ReadRow(grain, "sla"));
    }

    private static bool InUnsignedRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static GrainId Grain(string key) => GrainId.Create("ticket", key);

    private static ReminderEntry NewReminder(GrainId grain, string name, TimeSpan? period = null)
    {
        // Whole microseconds: what timestamptz keeps.
        var now = DateTime.UtcNow;
        return new ReminderEntry
        {
            GrainId = grain,
            ReminderName = name,
            StartAt = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc),
            Period = period ?? TimeSpan.FromMinutes(1),
        };
    }

    private static void AssertSameReminder(ReminderEntry expected, ReminderEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.GrainId, actual.GrainId);
        Assert.Equal(expected.ReminderName, actual.ReminderName);
        Assert.Equal(expected.StartAt, actual.StartAt);
        Assert.Equal(DateTimeKind.Utc, actual.StartAt.Kind);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(expected.ETag, actual.ETag);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class ReminderTableUtcTests(PostgresServer server) : ReminderTableTests(server, "UTC");

[Collection(PostgresCollection.Name)]
public sealed class ReminderTableNonUtcTests(PostgresServer server) : ReminderTableTests(server, "Asia/Kolkata");
