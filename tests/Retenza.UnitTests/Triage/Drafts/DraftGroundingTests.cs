using System.Globalization;
using System.Text.RegularExpressions;
using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using static Retenza.UnitTests.Triage.Drafts.DraftSamples;

namespace Retenza.UnitTests.Triage.Drafts;

/// <summary>
/// Many generated orders and every intent: the drafts never carry an unfilled slot, and every
/// number, id or date they quote is one of the snapshot's own values. The scan here is written
/// independently of the writer's fact check.
/// </summary>
public sealed class DraftGroundingTests
{
    private const int Orders = 150;

    private static readonly string[] Carriers = ["UPS", "DHL Express", "La Poste", "PostNL"];
    private static readonly string[] Currencies = ["USD", "EUR", "GBP", "CHF", "JPY"];
    private static readonly string[] Names = ["Ana", "", "Jo {order_id}", "O'Brien", "li@example.com", "Agent 47"];
    private static readonly string[] ItemNames = ["Blue Vase", "iPhone 15 Case", "Candle {total}", "Rug 2x3", "Mug"];

    [Fact]
    public void Generated_orders_never_yield_an_unfilled_slot_or_a_fact_not_in_the_snapshot()
    {
        var random = new Random(20250601);
        var policies = new[] { TriagePolicy.Default, AutoSend([.. IntentTaxonomy.All]) };
        var drafts = 0;
        for (var n = 0; n < Orders; n++)
        {
            var order = RandomOrder(random, n);
            var name = Names[random.Next(Names.Length)];
            foreach (var intent in IntentTaxonomy.All)
            {
                foreach (var policy in policies)
                {
                    var found = random.Next(6) > 0;
                    var draft = Write(DraftFor(intent, found ? order : null, policy, name, reference: found ? null : order.OrderId));
                    drafts++;

                    Assert.DoesNotContain('{', draft.Text);
                    Assert.DoesNotContain('}', draft.Text);
                    Assert.True(draft.AllChecksPassed, $"{intent} on {order.OrderId}: {string.Join(" | ", draft.Checks.Where(c => !c.Passed).Select(c => c.Detail))}");
                    var allowed = SnapshotTokens(found ? order : null, name);
                    foreach (var token in DigitTokens(draft.Text))
                    {
                        Assert.True(allowed.Contains(token), $"{intent}: \"{token}\" is not in the snapshot of {order.OrderId}\n{draft.Text}");
                    }

                    if (DraftActions.Operational.Contains(draft.Action))
                    {
                        Assert.True(policy.AutoSendIntents.Contains(intent) && found, $"{intent} promised {draft.Action}");
                        Assert.DoesNotContain(intent, IntentTaxonomy.HumanOnly);
                    }
                }
            }
        }

        Assert.Equal(Orders * IntentTaxonomy.All.Count * 2, drafts);
    }

    private static OrderSnapshot RandomOrder(Random random, int n)
    {
        var currency = Currencies[random.Next(Currencies.Length)];
        var items = Enumerable.Range(0, random.Next(0, 4))
            .Select(i => new OrderItem($"SKU-{n}-{i}", ItemNames[random.Next(ItemNames.Length)], random.Next(1, 4), Math.Round((decimal)random.NextDouble() * 300, 2)))
            .ToList();
        var shipments = Enumerable.Range(0, random.Next(0, 3))
            .Select(i => new Shipment(
                Carriers[random.Next(Carriers.Length)],
                $"TRK{random.Next(100000, 999999)}{i}",
                (ShipmentStatus)random.Next(6),
                items.Skip(i).Take(1).Select(item => item.Sku).ToList(),
                random.Next(2) == 0 ? null : new DateTimeOffset(2025, random.Next(1, 13), random.Next(1, 29), 0, 0, 0, TimeSpan.Zero)))
            .ToList();
        var refund = random.Next(3) switch
        {
            0 => null,
            1 => new Refund(RefundStatus.Requested, Math.Round((decimal)random.NextDouble() * 100, 2), null),
            _ => new Refund(RefundStatus.Issued, Math.Round((decimal)random.NextDouble() * 100, 2), new DateTimeOffset(2025, 5, random.Next(1, 29), 10, 0, 0, TimeSpan.Zero)),
        };
        return new OrderSnapshot(
            $"RT-{10000 + n}",
            "c@example.com",
            (OrderStatus)random.Next(7),
            Math.Round((decimal)random.NextDouble() * 2000, 2),
            currency,
            random.Next(2) == 0 ? "US" : "DE",
            items,
            shipments,
            refund,
            new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>Every whitespace-separated word of every snapshot value, as a customer would read it.</summary>
    private static HashSet<string> SnapshotTokens(OrderSnapshot? order, string name)
    {
        var values = new List<string> { name };
        if (order is not null)
        {
            values.Add(order.OrderId);
            values.AddRange(order.Items.SelectMany(i => new[] { i.Sku, i.Name, i.Qty.ToString(CultureInfo.InvariantCulture) }));
            values.AddRange(order.Shipments.SelectMany(s => new[] { s.Carrier, s.Tracking }));
            values.AddRange(order.Shipments.Where(s => s.Eta is not null).Select(s => s.Eta!.Value.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)));
            if (order.Refund?.IssuedAt is { } issued)
            {
                values.Add(issued.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture));
            }

            var amounts = order.Items.Select(i => i.Price).Append(order.Total).Concat(order.Refund is { } r ? [r.Amount] : []);
            values.AddRange(amounts.Select(a => a.ToString("N2", CultureInfo.InvariantCulture)));
        }

        return values.SelectMany(DigitTokens).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Words containing a digit, without surrounding punctuation or currency symbols.</summary>
    private static IEnumerable<string> DigitTokens(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '$', '€', '£', '{', '}'))
            .Where(word => word.Any(char.IsAsciiDigit));
}
