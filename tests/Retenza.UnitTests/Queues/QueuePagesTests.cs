using Retenza.Grains.Queues;
using Retenza.Queues;

namespace Retenza.UnitTests.Queues;

public sealed class QueuePagesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static QueueEntry Entry(int n, int priority = 1) => new($"tkt-{n}", priority, null, At.AddSeconds(n), $"ticket {n}");

    [Fact]
    public void New_entries_fill_the_newest_page_and_open_another_when_it_is_full()
    {
        var pages = new QueuePages(pageSize: 3);

        var placed = Enumerable.Range(0, 7).Select(n => pages.Put(Entry(n))).ToArray();

        Assert.Equal([0, 0, 0, 1, 1, 1, 2], placed);
        Assert.Equal([0, 1, 2], pages.Listed);
        Assert.True(pages.Opened);
        Assert.Equal(3, pages.Next);
    }

    [Fact]
    public void Changing_an_entry_keeps_it_on_its_page_and_dirties_only_that_page()
    {
        var pages = new QueuePages(pageSize: 2);
        for (var n = 0; n < 4; n++)
        {
            pages.Put(Entry(n));
        }

        var first = pages.TakeChanges();
        Assert.Equal([0, 1], first.Pages.Order());
        Assert.True(first.HeaderFirst);

        var page0 = pages.Put(Entry(1, priority: 9));

        Assert.Equal(0, page0);
        Assert.Equal([0], pages.Dirty);
        Assert.Contains(Entry(1, priority: 9), pages.Entries(0));
        Assert.Equal(4, pages.Count);
    }

    [Fact]
    public void A_page_emptied_and_stored_leaves_the_list_and_its_number_is_not_reused()
    {
        var pages = new QueuePages(pageSize: 2);
        pages.Put(Entry(0));
        pages.Put(Entry(1));
        pages.TakeChanges();
        pages.Stored(0);

        Assert.True(pages.Remove("tkt-0"));
        Assert.True(pages.Remove("tkt-1"));
        Assert.False(pages.Remove("tkt-1"));
        var emptied = pages.TakeChanges();
        pages.Stored(0);

        Assert.Equal([0], emptied.Pages);
        Assert.False(emptied.HeaderFirst);
        Assert.Empty(pages.Listed);
        Assert.True(pages.Shrunk);
        Assert.True(pages.TakeChanges().HeaderAfter);
        Assert.Equal(1, pages.Put(Entry(2)));
    }

    [Fact]
    public void A_page_changed_while_its_write_was_in_flight_stays_listed_and_changed()
    {
        var pages = new QueuePages(pageSize: 2);
        pages.Put(Entry(0));
        var inFlight = pages.TakeChanges();
        pages.Remove("tkt-0");

        pages.Stored(inFlight.Pages[0]);

        Assert.Equal([0], pages.Listed);
        Assert.Equal([0], pages.Dirty);
        Assert.False(pages.Shrunk);
    }

    [Fact]
    public void Loading_continues_after_the_reserved_numbers_and_a_ticket_on_two_pages_keeps_the_later_one()
    {
        var pages = new QueuePages(pageSize: 4);
        pages.Reserve(7);
        pages.Load(2, [Entry(0), Entry(1)]);
        pages.Load(5, [Entry(1, priority: 3)]);

        Assert.Equal(7, pages.Next);
        Assert.Equal(2, pages.Count);
        Assert.Equal([Entry(0)], pages.Entries(2));
        Assert.Equal([Entry(1, priority: 3)], pages.Entries(5));
        Assert.Equal([2], pages.Dirty);
        Assert.False(pages.Opened);

        // Page 6 (the newest number used) is not listed, so a new entry opens page 7.
        Assert.Equal(7, pages.Put(Entry(9)));
    }
}
