using Retenza.Triage.Drafts;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using static Retenza.UnitTests.Triage.Drafts.DraftSamples;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Drafts;

public sealed class TemplateDraftWriterTests
{
    public static TheoryData<string> AllIntents() => [.. IntentTaxonomy.All];

    [Theory]
    [MemberData(nameof(AllIntents))]
    public void Every_intent_gets_a_checked_reply_from_its_own_template(string intent)
    {
        var draft = Write(DraftFor(intent, Snapshot()));

        Assert.StartsWith("Hi Ana,\n\n", draft.Text, StringComparison.Ordinal);
        Assert.EndsWith("Kind regards,\nCustomer Support", draft.Text, StringComparison.Ordinal);
        Assert.StartsWith("default:" + intent, draft.Template, StringComparison.Ordinal);
        Assert.True(draft.AllChecksPassed, string.Join(" | ", draft.Checks.Select(c => $"{c.Name}: {c.Detail}")));
        Assert.Equal(["slots_filled", "facts_match_order", "action_allowed"], draft.Checks.Select(c => c.Name));
        Assert.True(draft.Text.Length < 600, "templates stay short");
    }

    [Theory]
    [InlineData("fraud_claim")]
    [InlineData("legal_threat")]
    [InlineData("chargeback_threat")]
    [InlineData("accessibility_complaint")]
    [InlineData("account_judgment")]
    [InlineData("other")]
    [InlineData("contact_human_agent")]
    public void Human_only_intents_and_other_get_a_short_handoff_that_quotes_nothing(string intent)
    {
        var draft = Write(DraftFor(intent, Snapshot()));

        Assert.Equal(DraftActions.Handoff, draft.Action);
        Assert.DoesNotContain("RT-10006", draft.Text, StringComparison.Ordinal);
        Assert.Contains("personally", draft.Text.Replace("get back to you", "personally", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tracking_reply_is_specific()
    {
        var draft = Write(DraftFor("track_order", Snapshot()));

        Assert.Equal(
            "Hi Ana,\n\nI can see your order RT-10006. It's with UPS, tracking number 1Z999AA10123456784, and it is on its way. " +
            "The expected delivery date is June 4, 2025. If anything looks wrong, just reply to this email.\n\nKind regards,\nCustomer Support",
            draft.Text);
        Assert.Equal("default:track_order/shipment", draft.Template);
        Assert.Equal(DraftActions.Information, draft.Action);
    }

    [Fact]
    public void A_shipment_held_at_customs_is_named_as_such()
    {
        var order = Snapshot(country: "CH", shipments: [new Shipment("DHL", "JD014600003", ShipmentStatus.HeldAtCustoms, ["VASE-1"], null)]);

        var draft = Write(DraftFor("track_order", order));

        Assert.Contains("It's with DHL, tracking number JD014600003, and it is held at customs.", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("expected delivery date", draft.Text, StringComparison.Ordinal);
        var slots = Check(draft, "slots_filled");
        Assert.True(slots.Passed);
        Assert.Contains("no value for {eta}", slots.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_needed_but_not_referenced_gets_a_request_for_the_number()
    {
        var draft = Write(DraftFor("track_order"));

        Assert.Equal("default:ask_order_number/none", draft.Template);
        Assert.Contains("Could you reply with your order number?", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Then I can check where your parcel is.", draft.Text, StringComparison.Ordinal);
        Assert.True(draft.AllChecksPassed);
    }

    [Fact]
    public void An_order_referenced_but_not_found_is_not_quoted_back()
    {
        var draft = Write(DraftFor("get_refund", reference: "RT-55555"));

        Assert.Equal("default:ask_order_number/not_found", draft.Template);
        Assert.DoesNotContain("55555", draft.Text, StringComparison.Ordinal);
        Assert.True(draft.AllChecksPassed);
    }

    [Fact]
    public void An_intent_that_needs_no_order_answers_without_one()
    {
        var draft = Write(DraftFor("check_refund_policy"));

        Assert.Equal("default:check_refund_policy", draft.Template);
        Assert.Contains("Our refund policy is on our website", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("For order", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_intent_gets_the_handoff_of_other()
    {
        var draft = Write(DraftFor("ask_for_a_discount_code"));

        Assert.Equal("default:other", draft.Template);
        Assert.Equal(DraftActions.Handoff, draft.Action);
    }

    [Theory]
    [InlineData("", "Hi there,")]
    [InlineData("   ", "Hi there,")]
    [InlineData("ana@example.com", "Hi there,")]
    [InlineData("Ana {total}", "Hi Ana total,")]
    [InlineData("  Ana\n  Lopez ", "Hi Ana Lopez,")]
    public void The_name_comes_from_the_customer_record_or_a_neutral_greeting(string name, string greeting)
    {
        var draft = Write(DraftFor("track_order", Snapshot(), name: name));

        Assert.StartsWith(greeting + "\n", draft.Text, StringComparison.Ordinal);
        Assert.True(draft.AllChecksPassed);
    }

    [Fact]
    public void A_second_issue_is_acknowledged()
    {
        var draft = Write(DraftFor("track_order", Snapshot(), secondary: [new IntentScore("change_shipping_address", 0.7)]));

        Assert.Contains("I've also passed your other question to our team", draft.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderStatus.Placed, false, "default:cancel_order/review", DraftActions.AgentReview)]
    [InlineData(OrderStatus.Paid, true, "default:cancel_order/cancelled", DraftActions.Cancellation)]
    [InlineData(OrderStatus.Shipped, true, "default:cancel_order/too_late", DraftActions.Information)]
    [InlineData(OrderStatus.Delivered, false, "default:cancel_order/too_late", DraftActions.Information)]
    [InlineData(OrderStatus.Cancelled, false, "default:cancel_order/already_cancelled", DraftActions.Information)]
    public void Cancellation_is_promised_only_before_shipping_and_only_where_auto_send_is_allowed(OrderStatus status, bool autoSend, string template, string action)
    {
        var draft = Write(DraftFor("cancel_order", Snapshot(status: status), autoSend ? AutoSend("cancel_order") : TriagePolicy.Default));

        Assert.Equal(template, draft.Template);
        Assert.Equal(action, draft.Action);
        Assert.True(draft.AllChecksPassed, string.Join(" | ", draft.Checks.Select(c => c.Detail)));
        Assert.Equal(action == DraftActions.Cancellation, draft.Text.Contains("I've cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public void Refunds_are_reported_as_issued_only_when_they_are_and_promised_only_where_auto_send_is_allowed()
    {
        var issuedAt = new DateTimeOffset(2025, 5, 30, 9, 0, 0, TimeSpan.Zero);

        var issued = Write(DraftFor("get_refund", Snapshot(refund: new Refund(RefundStatus.Issued, 89.50m, issuedAt))));
        var requested = Write(DraftFor("get_refund", Snapshot(refund: new Refund(RefundStatus.Requested, 89.50m, null))));
        var review = Write(DraftFor("get_refund", Snapshot()));
        var started = Write(DraftFor("get_refund", Snapshot(), AutoSend("get_refund")));

        Assert.Contains("a refund of $89.50 for order RT-10006 was issued on May 30, 2025.", issued.Text, StringComparison.Ordinal);
        Assert.Contains("has already been requested and is being processed", requested.Text, StringComparison.Ordinal);
        Assert.Equal(DraftActions.AgentReview, review.Action);
        Assert.Contains("to our team. They'll review it", review.Text, StringComparison.Ordinal);
        Assert.Equal(DraftActions.Refund, started.Action);
        Assert.Contains("I've started a refund of $129.50 for order RT-10006.", started.Text, StringComparison.Ordinal);
        Assert.All([issued, requested, review, started], d => Assert.True(d.AllChecksPassed, string.Join(" | ", d.Checks.Select(c => c.Detail))));
    }

    [Theory]
    [InlineData("damaged_item")]
    [InlineData("wrong_item")]
    [InlineData("missing_item")]
    public void Replacements_are_promised_only_where_auto_send_is_allowed(string intent)
    {
        var order = Snapshot(status: OrderStatus.PartiallyDelivered, shipments:
        [
            new Shipment("UPS", "1Z1", ShipmentStatus.Delivered, ["VASE-1"], null),
            new Shipment("UPS", "1Z2", ShipmentStatus.Lost, ["CNDL-2"], null),
        ]);

        var byDefault = Write(DraftFor(intent, order));
        var allowed = Write(DraftFor(intent, order, AutoSend(intent)));

        Assert.Equal(DraftActions.AgentReview, byDefault.Action);
        Assert.Empty(ActionCheck.FindPromises(byDefault.Text));
        Assert.Equal(DraftActions.Replacement, allowed.Action);
        Assert.Contains(DraftActions.Replacement, ActionCheck.FindPromises(allowed.Text));
        Assert.True(byDefault.AllChecksPassed);
        Assert.True(allowed.AllChecksPassed);
    }

    [Fact]
    public void Lost_items_are_named_from_the_lost_shipment()
    {
        var order = Snapshot(status: OrderStatus.PartiallyDelivered, shipments:
        [
            new Shipment("UPS", "1Z1", ShipmentStatus.Delivered, ["VASE-1"], null),
            new Shipment("UPS", "1Z2", ShipmentStatus.Lost, ["CNDL-2"], null),
        ]);

        var draft = Write(DraftFor("missing_item", order));

        Assert.Contains("the carrier reported the parcel with 2 × Candle as lost", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vase", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Currencies_without_a_symbol_are_written_with_their_code()
    {
        var order = Snapshot() with { Currency = "CHF" };

        var draft = Write(DraftFor("check_invoice", order));

        Assert.Contains("with a total of 129.50 CHF.", draft.Text, StringComparison.Ordinal);
        Assert.True(draft.AllChecksPassed);
    }

    [Fact]
    public void Default_templates_quote_no_number_of_their_own()
    {
        var texts = DefaultTemplates.Intents.SelectMany(DefaultTemplates.All).Select(t => t.Text)
            .Append(DefaultTemplates.Greeting).Append(DefaultTemplates.Closing);

        Assert.All(texts, text => Assert.DoesNotContain(TemplateRenderer.Literal(text), char.IsAsciiDigit));
        Assert.Equal(IntentTaxonomy.All.Order(), DefaultTemplates.Intents.Order());
    }

    [Fact]
    public void Every_default_template_is_reachable_and_ends_in_an_unconditional_one()
    {
        Assert.All(DefaultTemplates.Intents, intent => Assert.Null(DefaultTemplates.All(intent)[^1].When));
    }

    [Theory]
    [InlineData(ShipmentStatus.Lost, "is reported lost by the carrier.")]
    [InlineData(ShipmentStatus.ReturnedToSender, "is on its way back to us.")]
    public void A_parcel_gone_astray_is_named_and_handed_to_the_team(ShipmentStatus status, string wording)
    {
        var order = Snapshot(shipments: [new Shipment("UPS", "1Z5", status, ["VASE-1"], null)]);

        foreach (var intent in new[] { "track_order", "delivery_delayed" })
        {
            var draft = Write(DraftFor(intent, order));

            Assert.Equal($"default:{intent}/astray", draft.Template);
            Assert.Equal(DraftActions.AgentReview, draft.Action);
            Assert.Contains("the parcel for order RT-10006 (UPS, tracking number 1Z5) " + wording, draft.Text, StringComparison.Ordinal);
            Assert.True(draft.AllChecksPassed);
        }
    }
}
