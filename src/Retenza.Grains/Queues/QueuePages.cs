using Retenza.Queues;

namespace Retenza.Grains.Queues;

/// <summary>
/// Where each waiting ticket of a queue partition is stored: entries live on numbered pages of at
/// most <see cref="PageSize"/>, new entries fill the newest page, so adding a ticket rewrites one
/// small page instead of the whole backlog (a write's cost no longer grows with the queue).
/// Tracks which pages changed since they were last stored and whether the list of pages did.
/// </summary>
public sealed class QueuePages(int pageSize)
{
    private readonly SortedDictionary<int, Dictionary<string, QueueEntry>> _pages = [];
    private readonly Dictionary<string, int> _pageOf = new(StringComparer.Ordinal);
    private readonly HashSet<int> _dirty = [];
    private int _next;

    public int PageSize { get; } = pageSize > 0 ? pageSize : throw new ArgumentOutOfRangeException(nameof(pageSize));

    /// <summary>Pages that hold entries, or held some since the list was last stored: what the header lists.</summary>
    public IReadOnlyCollection<int> Listed => _pages.Keys;

    /// <summary>Pages whose entries changed since the last <see cref="TakeChanges"/>.</summary>
    public IReadOnlyCollection<int> Dirty => _dirty;

    /// <summary>A page was opened since the last <see cref="TakeChanges"/>: the header must be written before that page.</summary>
    public bool Opened { get; private set; }

    /// <summary>An emptied page left the list since the last <see cref="TakeChanges"/>: the header may be written after.</summary>
    public bool Shrunk { get; private set; }

    public bool Changed => _dirty.Count > 0 || Opened || Shrunk;

    public int Count => _pageOf.Count;

    /// <summary>The number the next new page gets: stored with the header so that no page number is ever reused.</summary>
    public int Next => _next;

    public IEnumerable<QueueEntry> All => _pages.Values.SelectMany(page => page.Values);

    /// <summary>Page numbers below <paramref name="next"/> were used before (at activation, from the header).</summary>
    public void Reserve(int next) => _next = Math.Max(_next, next);

    /// <summary>Puts back a page read from storage (at activation); nothing becomes dirty.</summary>
    public void Load(int page, IEnumerable<QueueEntry> entries)
    {
        var onPage = PageAt(page);
        foreach (var entry in entries)
        {
            // A ticket found on two pages (a crash between moving writes) keeps the later page's entry.
            if (_pageOf.TryGetValue(entry.TicketId, out var other) && other != page)
            {
                _pages[other].Remove(entry.TicketId);
                _dirty.Add(other);
            }

            onPage[entry.TicketId] = entry;
            _pageOf[entry.TicketId] = page;
        }

        _next = Math.Max(_next, page + 1);
    }

    /// <summary>Adds or replaces the ticket's entry; returns the page it is on (now dirty).</summary>
    public int Put(QueueEntry entry)
    {
        if (!_pageOf.TryGetValue(entry.TicketId, out var page))
        {
            page = Tail();
            _pageOf[entry.TicketId] = page;
        }

        _pages[page][entry.TicketId] = entry;
        _dirty.Add(page);
        return page;
    }

    public bool Remove(string ticketId)
    {
        if (!_pageOf.Remove(ticketId, out var page))
        {
            return false;
        }

        _pages[page].Remove(ticketId);
        _dirty.Add(page);
        return true;
    }

    public IReadOnlyList<QueueEntry> Entries(int page) =>
        _pages.TryGetValue(page, out var entries) ? [.. entries.Values] : [];

    /// <summary>
    /// The pages to write now and whether the header must go before them (a page opened) or may go
    /// after (an empty page left). Clears both: changes made while the write is in flight are the next batch's.
    /// </summary>
    public (int[] Pages, bool HeaderFirst, bool HeaderAfter) TakeChanges()
    {
        var changes = (_dirty.ToArray(), Opened, Shrunk);
        _dirty.Clear();
        Opened = Shrunk = false;
        return changes;
    }

    /// <summary>A store of these changes failed: they are pending again, for the next store to write.</summary>
    public void Restore((int[] Pages, bool HeaderFirst, bool HeaderAfter) changes)
    {
        _dirty.UnionWith(changes.Pages);
        Opened |= changes.HeaderFirst;
        Shrunk |= changes.HeaderAfter;
    }

    /// <summary>The page was stored: an emptied page not changed since leaves the list (the header forgets it next).</summary>
    public void Stored(int page)
    {
        if (!_dirty.Contains(page) && _pages.TryGetValue(page, out var entries) && entries.Count == 0)
        {
            _pages.Remove(page);
            Shrunk = true;
        }
    }

    /// <summary>The newest page while it has room; otherwise a new one.</summary>
    private int Tail()
    {
        if (_pages.TryGetValue(_next - 1, out var newest) && newest.Count < PageSize)
        {
            return _next - 1;
        }

        var page = _next++;
        PageAt(page);
        Opened = true;
        return page;
    }

    private Dictionary<string, QueueEntry> PageAt(int page)
    {
        if (!_pages.TryGetValue(page, out var entries))
        {
            entries = new Dictionary<string, QueueEntry>(StringComparer.Ordinal);
            _pages[page] = entries;
        }

        return entries;
    }
}
