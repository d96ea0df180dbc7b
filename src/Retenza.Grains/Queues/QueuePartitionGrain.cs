using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>
/// A queue partition's ordered index of waiting tickets, kept in memory and stored in pages of
/// <see cref="PageSize"/> entries (<see cref="QueuePages"/>) behind a small header row: adding a
/// ticket writes its one page, whatever the backlog. An add or change is written before Put
/// returns. Takes and removals are written in batches: by a flush timer every
/// <see cref="FlushEvery"/>, at deactivation (graceful shutdown), or with the next add to the same
/// page. An entry that comes back after a crash is stale; the ticket grain refuses its claim and
/// the entry is dropped.
/// </summary>
/// SLA checks run on a durable reminder per partition (registered once a due time is enqueued), so
/// a breach is found after silo restarts and no ticket needs a timer of its own.
public sealed class QueuePartitionGrain(
    [PersistentState("queue", StorageNames.Default)] IPersistentState<QueuePartitionState> state,
    TimeProvider time) : Grain, IQueuePartitionGrain, IRemindable
{
    /// <summary>Entries per stored page: a page row stays a few kilobytes.</summary>
    public const int PageSize = 32;

    /// <summary>The state name of page rows, whose grain ids are "&lt;partition key&gt;/&lt;page&gt;".</summary>
    public const string PageStateName = "queue-page";

    private const string SlaReminder = "sla";

    /// <summary>Tickets asked per check: bounds one reminder tick; the rest wait for the next minute.</summary>
    private const int MaxChecksPerTick = 200;

    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);

    private readonly HashSet<string> _flagged = new(StringComparer.Ordinal);
    private readonly QueuePages _pages = new(PageSize);
    private readonly Dictionary<int, PageRow> _pageRows = [];
    private readonly SortedSet<QueueEntry> _ordered = new(QueueOrder.Instance!);
    private readonly Dictionary<string, QueueEntry> _byTicket = new(StringComparer.Ordinal);
    private bool _reminderRegistered;
    private IGrainStorage? _storage;

    private IGrainStorage Storage => _storage ??= ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var header = state.State;
        _pages.Reserve(header.NextPage);
        var rows = await Task.WhenAll(header.Pages.Select(async page => (Page: page, Row: await ReadPage(page))));
        foreach (var (page, row) in rows)
        {
            _pageRows[page] = row;
            _pages.Load(page, row.State.Entries);
        }

        // A partition stored before paging: its entries move onto pages now, then the old list goes.
        foreach (var entry in header.Entries)
        {
            _pages.Put(entry);
        }

        foreach (var entry in _pages.All)
        {
            Add(entry);
        }

        if (header.Entries.Count > 0)
        {
            await Flush();
            header.Entries = [];
            await WriteHeader();
        }

        this.RegisterGrainTimer(_ => _pages.Dirty.Count > 0 || _pages.Shrunk ? Flush() : Task.CompletedTask,
            new GrainTimerCreationOptions(FlushEvery, FlushEvery) { KeepAlive = false });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pages.Dirty.Count > 0 || _pages.Shrunk)
        {
            await Flush();
        }
    }

    public async Task Put(QueueEntry entry)
    {
        if (_byTicket.TryGetValue(entry.TicketId, out var known))
        {
            if (known == entry)
            {
                return;
            }

            _ordered.Remove(known);
        }

        Add(entry);
        var page = _pages.Put(entry);
        if (_pages.Opened)
        {
            await WriteHeader();
        }

        await WritePage(page);
        if (entry.SlaDueAt is not null && !_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(SlaReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderRegistered = true;
        }
    }

    public async Task<int> CheckSla()
    {
        var now = time.GetUtcNow();
        var due = _ordered.Where(e => e.SlaDueAt <= now && !_flagged.Contains(e.TicketId)).Take(MaxChecksPerTick).ToArray();
        if (due.Length == 0)
        {
            return 0;
        }

        var (tenant, _) = Retenza.Tenancy.GrainKeys.Split(this.GetPrimaryKeyString());
        var answers = await Task.WhenAll(due.Select(e =>
            GrainFactory.GetGrain<Retenza.Tickets.ITicketGrain>(Retenza.Tenancy.GrainKeys.Compose(tenant, e.TicketId)).SlaDue()));
        var changed = false;
        for (var i = 0; i < due.Length; i++)
        {
            Drop(due[i].TicketId);
            if (answers[i] is { } current)
            {
                // A ticket no longer waiting answers null and simply leaves the index.
                Add(current);
                _pages.Put(current);
                _flagged.Add(current.TicketId);
                changed |= current != due[i];
            }
            else
            {
                changed = true;
            }
        }

        if (changed)
        {
            await Flush();
        }

        return answers.Count(a => a is not null);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckSla();

    public Task Remove(string ticketId)
    {
        Drop(ticketId);
        return Task.CompletedTask;
    }

    public Task<QueueEntry?> Head() => Task.FromResult(_ordered.Count == 0 ? null : _ordered.Min);

    public Task<QueueEntry?> TakeHead()
    {
        var head = _ordered.Count == 0 ? null : _ordered.Min;
        if (head is not null)
        {
            Drop(head.TicketId);
        }

        return Task.FromResult(head);
    }

    public Task<IReadOnlyList<QueueEntry>> List(int limit) =>
        Task.FromResult<IReadOnlyList<QueueEntry>>(_ordered.Take(Math.Max(0, limit)).ToArray());

    public Task<QueueStats> Stats(DateTimeOffset now)
    {
        DateTimeOffset? oldest = null;
        var breached = 0;
        foreach (var entry in _ordered)
        {
            oldest = oldest is null || entry.EnqueuedAt < oldest ? entry.EnqueuedAt : oldest;
            breached += entry.SlaDueAt is { } due && due <= now ? 1 : 0;
        }

        return Task.FromResult(new QueueStats(_ordered.Count, oldest, breached));
    }

    private void Add(QueueEntry entry)
    {
        _byTicket[entry.TicketId] = entry;
        _ordered.Add(entry);
    }

    private bool Drop(string ticketId)
    {
        _flagged.Remove(ticketId);
        if (!_byTicket.Remove(ticketId, out var entry))
        {
            return false;
        }

        _ordered.Remove(entry);
        _pages.Remove(ticketId);
        return true;
    }

    /// <summary>Every changed page; the header first when it must list a new page, after when it only forgets empty ones.</summary>
    private async Task Flush()
    {
        if (_pages.Opened)
        {
            await WriteHeader();
        }

        await Task.WhenAll(_pages.Dirty.ToArray().Select(WritePage));
        if (_pages.Shrunk)
        {
            await WriteHeader();
        }
    }

    private async Task WriteHeader()
    {
        state.State.Pages = [.. _pages.Listed];
        state.State.NextPage = _pages.Next;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        _pages.HeaderStored();
    }

    private async Task WritePage(int page)
    {
        if (!_pageRows.TryGetValue(page, out var row))
        {
            row = new PageRow();
            _pageRows[page] = row;
        }

        row.State.Entries = [.. _pages.Entries(page)];
        try
        {
            // An emptied page's row goes (page numbers are never reused); one never stored needs nothing.
            if (row.State.Entries.Count > 0)
            {
                await Storage.WriteStateAsync(PageStateName, PageId(page), row);
            }
            else if (row.ETag is not null)
            {
                await Storage.ClearStateAsync(PageStateName, PageId(page), row);
            }
        }
        catch
        {
            // Memory is ahead of storage now: the next activation reloads the truth.
            DeactivateOnIdle();
            throw;
        }

        _pages.Stored(page);
        if (row.State.Entries.Count == 0)
        {
            _pageRows.Remove(page);
        }
    }

    private async Task<PageRow> ReadPage(int page)
    {
        var row = new PageRow();
        await Storage.ReadStateAsync(PageStateName, PageId(page), row);
        return row;
    }

    private GrainId PageId(int page) =>
        GrainId.Create(PageStateName, $"{this.GetPrimaryKeyString()}/{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>A page's row as the storage provider reads and writes it (state never null).</summary>
    private sealed class PageRow : IGrainState<QueuePageState>
    {
        private QueuePageState _state = new();

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public QueuePageState State
        {
            get => _state;
            set => _state = value ?? new QueuePageState();
        }

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
