using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Storage;
using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>
/// A queue partition's ordered index of waiting tickets, kept in memory and stored in pages of
/// <see cref="PageSize"/> entries (<see cref="QueuePages"/>) behind a small header row: adding a
/// ticket writes its one page, whatever the backlog. Writes are group-committed: one write is in
/// flight at a time, and every change made meanwhile goes out together in the next, so a hot
/// queue's rate is not one write latency per ticket. A Put returns once its entry is stored. Takes
/// and removals are stored with the next commit, by a flush timer every <see cref="FlushEvery"/>,
/// or at deactivation; an entry that comes back after a crash is stale, the ticket grain refuses
/// its claim and the entry is dropped.
/// </summary>
/// Reentrant so that Puts can join a commit in flight; every state change happens between awaits.
/// SLA and lease checks run on a durable reminder per partition (registered with its first entry), so
/// a breach is found after silo restarts and no ticket needs a timer of its own.
[Reentrant]
public sealed partial class QueuePartitionGrain(
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
    private Task? _reminder;

    /// <summary>The header's own content (the held list) changed since it was last stored.</summary>
    private bool _dirty;
    private IGrainStorage? _storage;

    /// <summary>The commit in flight, and the one that will carry changes made while it flies.</summary>
    private Task? _committing;
    private TaskCompletionSource? _nextCommit;

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
            Index(entry);
        }

        LoadHeld();

        if (header.Entries.Count > 0)
        {
            header.Entries = [];
            await Commit();
        }

        this.RegisterGrainTimer(_ => _pages.Changed || _dirty ? Commit() : Task.CompletedTask,
            new GrainTimerCreationOptions(FlushEvery, FlushEvery) { KeepAlive = false });

        await AbsorbFormerPartitions();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pages.Changed || _dirty)
        {
            await Commit();
        }
    }

    public async Task Put(QueueEntry entry)
    {
        if (IsFormer)
        {
            await Successor.Put(entry);
            return;
        }

        var wasHeld = Unhold(entry.TicketId);
        if (_byTicket.TryGetValue(entry.TicketId, out var known))
        {
            if (known == entry && !wasHeld)
            {
                // Listed already, but maybe not stored yet (a commit in flight, or one that failed): a Put returns
                // once its entry is stored, also the retry of a Put whose commit failed.
                if (_pages.Changed || _committing is { IsCompleted: false })
                {
                    await Commit();
                }

                return;
            }

            _ordered.Remove(known);
        }

        Add(entry);
        await Commit();

        await EnsureReminder();
    }

    /// <summary>
    /// The sweep watches SLA due times and held tickets' leases, so every partition with entries has its
    /// reminder: registered once per activation, shared by concurrent callers, tried again after a failure.
    /// </summary>
    private Task EnsureReminder()
    {
        if (_reminder is not { IsFaulted: false, IsCanceled: false })
        {
            _reminder = this.RegisterOrUpdateReminder(SlaReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        return _reminder;
    }

    public Task Remove(string ticketId)
    {
        Drop(ticketId);
        Unhold(ticketId);
        return Task.CompletedTask;
    }

    public Task<QueueEntry?> Head() => Task.FromResult(_ordered.Count == 0 ? null : _ordered.Min);

    public Task<QueueEntry?> TakeHead()
    {
        var head = _ordered.Count == 0 ? null : _ordered.Min;
        if (head is not null)
        {
            Drop(head.TicketId);
            HoldTaken(head);
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

    /// <summary>A waiting ticket's entry, in memory and on its page (stored with the next commit).</summary>
    private void Add(QueueEntry entry)
    {
        Index(entry);
        _pages.Put(entry);
    }

    /// <summary>In memory only: for entries read from their pages.</summary>
    private void Index(QueueEntry entry)
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

    /// <summary>Completes once every change made so far is stored: joins the next commit, starting it if none is in flight.</summary>
    private Task Commit()
    {
        _nextCommit ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stored = _nextCommit.Task;
        if (_committing is not { IsCompleted: false })
        {
            _committing = CommitLoop();
        }

        return stored;
    }

    private async Task CommitLoop()
    {
        while (_nextCommit is { } batch)
        {
            _nextCommit = null;
            var changes = _pages.TakeChanges();
            var held = _dirty;
            try
            {
                await Store(changes);
                batch.SetResult();
            }
            catch (Exception e)
            {
                // Memory is ahead of storage now: the changes stay pending (the next commit, or the deactivation's,
                // writes them again), and the next activation reloads the truth.
                _pages.Restore(changes);
                _dirty |= held;
                DeactivateOnIdle();
                batch.SetException(e);
            }
        }
    }

    /// <summary>The changed pages; the header first when it must list a new page, after when it only forgets empty ones.</summary>
    private async Task Store((int[] Pages, bool HeaderFirst, bool HeaderAfter) changes)
    {
        // The held list rides with the header (a few entries per agent claim, never the backlog).
        var held = _dirty;
        _dirty = false;
        if (changes.HeaderFirst)
        {
            await WriteHeader();
        }

        // Pages this commit empties leave the header with a later one: a listed empty page is harmless.
        await Task.WhenAll(changes.Pages.Select(WritePage));
        if (changes.HeaderAfter || (held && !changes.HeaderFirst))
        {
            await WriteHeader();
        }
    }

    private Task WriteHeader()
    {
        state.State.Pages = [.. _pages.Listed];
        state.State.NextPage = _pages.Next;
        state.State.Held = [.. _held.Values];
        return state.WriteStateAsync();
    }

    private async Task WritePage(int page)
    {
        if (!_pageRows.TryGetValue(page, out var row))
        {
            row = new PageRow();
            _pageRows[page] = row;
        }

        row.State = new QueuePageState { Entries = [.. _pages.Entries(page)] };

        // An emptied page's row goes (page numbers are never reused); one never stored needs nothing.
        if (row.State.Entries.Count > 0)
        {
            await Storage.WriteStateAsync(PageStateName, PageId(page), row);
        }
        else if (row.ETag is not null)
        {
            await Storage.ClearStateAsync(PageStateName, PageId(page), row);
        }

        _pages.Stored(page);
        if (row.State.Entries.Count == 0 && !_pages.Dirty.Contains(page))
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
