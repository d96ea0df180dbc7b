using Retenza.Triage.Drafts;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using static Retenza.UnitTests.Triage.Drafts.DraftSamples;
using static Retenza.UnitTests.Triage.Rules.TriageSamples;

namespace Retenza.UnitTests.Triage.Drafts;

/// <summary>policy.Templates replaces a reply, and the checks hold the tenant's wording to the same rules.</summary>
public sealed class TenantTemplateTests
{
    private static TriagePolicy With(string key, string template, params string[] autoSend) =>
        AutoSend(autoSend) with { Templates = new Dictionary<string, string> { [key] = template } };

    [Fact]
    public void A_tenant_template_replaces_the_whole_reply()
    {
        var policy = With("track_order", "Hey {customer_name}! Order {order_id} is with {carrier} ({tracking}).\n\nCheers,\nThe Vase Shop");

        var draft = Write(DraftFor("track_order", Snapshot(), policy));

        Assert.Equal("Hey Ana! Order RT-10006 is with UPS (1Z999AA10123456784).\n\nCheers,\nThe Vase Shop", draft.Text);
        Assert.Equal("tenant:track_order", draft.Template);
        Assert.Equal(DraftActions.Information, draft.Action);
        Assert.True(draft.AllChecksPassed);
    }

    [Fact]
    public void Other_intents_keep_the_built_in_reply()
    {
        var draft = Write(DraftFor("delivery_options", Snapshot(), With("track_order", "x")));

        Assert.Equal("default:delivery_options", draft.Template);
    }

    [Fact]
    public void A_sentence_whose_slot_has_no_value_is_left_out_not_emitted_raw()
    {
        var policy = With("track_order", "Order {order_id} is on its way. It arrives on {eta}. Thanks!");
        var order = Snapshot(shipments: [new Shipment("UPS", "1Z9", ShipmentStatus.InTransit, ["VASE-1"], null)]);

        var draft = Write(DraftFor("track_order", order, policy));

        Assert.Equal("Order RT-10006 is on its way. Thanks!", draft.Text);
        Assert.True(Check(draft, "slots_filled").Passed);
    }

    [Theory]
    [InlineData("Order {order_id} ships soon. Use code {coupon} for ten percent off.", "unknown slot {coupon}")]
    [InlineData("Order {order_id} ships soon. Your total is {total.", "malformed slot")]
    [InlineData("Order {order_id} ships soon. Braces } are odd.", "malformed slot")]
    public void A_faulty_template_fails_slots_filled_and_still_never_emits_a_brace(string template, string problem)
    {
        var draft = Write(DraftFor("track_order", Snapshot(), With("track_order", template)));

        Assert.Equal("Order RT-10006 ships soon.", draft.Text);
        var slots = Check(draft, "slots_filled");
        Assert.False(slots.Passed);
        Assert.Contains(problem, slots.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_loses_every_sentence_fails()
    {
        var draft = Write(DraftFor("track_order", Snapshot(shipments: []), With("track_order", "It arrives on {eta}.")));

        Assert.Equal("", draft.Text);
        Assert.False(Check(draft, "slots_filled").Passed);
    }

    [Theory]
    [InlineData("Your order RT-99999 is on its way.", "\"RT-99999\" is not in the order")]
    [InlineData("Your order {order_id} costs $99.00.", "amount \"$99.00\" is not in the order")]
    [InlineData("Your parcel 1Z000000000 arrives on {eta}.", "\"1Z000000000\" is not in the order")]
    [InlineData("Your order {order_id} arrives on June 9, 2025.", "date \"June 9, 2025\" is not in the order")]
    public void A_hard_coded_fact_that_is_not_the_orders_fails_facts_match_order(string template, string problem)
    {
        var draft = Write(DraftFor("track_order", Snapshot(), With("track_order", template)));

        var facts = Check(draft, "facts_match_order");
        Assert.False(facts.Passed);
        Assert.Contains(problem, facts.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tenants_own_small_numbers_are_policy_wording_not_order_facts()
    {
        var draft = Write(DraftFor("check_refund_policy", null, With("check_refund_policy", "You can return anything within 30 days, and refunds take 5 to 10 days.")));

        Assert.True(Check(draft, "facts_match_order").Passed);
    }

    [Fact]
    public void An_issued_refund_claim_passes_only_when_the_refund_is_issued()
    {
        var policy = With("track_refund", "Your refund of {refund_amount} has been issued.");

        var requested = Write(DraftFor("track_refund", Snapshot(refund: new Refund(RefundStatus.Requested, 20m, null)), policy));
        var issued = Write(DraftFor("track_refund", Snapshot(refund: new Refund(RefundStatus.Issued, 20m, Now)), policy));

        Assert.False(Check(requested, "action_allowed").Passed);
        Assert.Contains("refund_issued", Check(requested, "action_allowed").Detail, StringComparison.Ordinal);
        Assert.True(issued.AllChecksPassed);
    }

    [Theory]
    [InlineData(OrderStatus.Shipped, true, false)]
    [InlineData(OrderStatus.Delivered, true, false)]
    [InlineData(OrderStatus.Placed, false, false)]
    [InlineData(OrderStatus.Placed, true, true)]
    public void A_cancel_promise_needs_an_unshipped_order_and_auto_send(OrderStatus status, bool autoSend, bool allowed)
    {
        var policy = With("cancel_order", "We've cancelled your order {order_id}.", autoSend ? ["cancel_order"] : []);

        var draft = Write(DraftFor("cancel_order", Snapshot(status: status), policy));

        Assert.Equal(DraftActions.Cancellation, draft.Action);
        Assert.Equal(allowed, Check(draft, "action_allowed").Passed);
    }

    [Fact]
    public void A_refund_promise_for_an_intent_that_may_not_auto_send_fails()
    {
        var draft = Write(DraftFor("damaged_item", Snapshot(), With("damaged_item", "So sorry! We'll refund you in full.")));

        Assert.Equal(DraftActions.Refund, draft.Action);
        var check = Check(draft, "action_allowed");
        Assert.False(check.Passed);
        Assert.Contains("does not let damaged_item auto-send", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_human_only_intent_can_never_promise_an_operational_action_even_if_the_policy_lists_it()
    {
        var draft = Write(DraftFor("chargeback_threat", Snapshot(), With("chargeback_threat", "We'll refund you right away.", "chargeback_threat")));

        Assert.False(Check(draft, "action_allowed").Passed);
    }

    [Fact]
    public void A_tenant_handoff_for_a_human_only_intent_is_a_handoff()
    {
        var draft = Write(DraftFor("legal_threat", Snapshot(), With("legal_threat", "Thanks {customer_name}, our legal team will reply.")));

        Assert.Equal(DraftActions.Handoff, draft.Action);
        Assert.True(draft.AllChecksPassed);
    }

    [Fact]
    public void The_ask_for_the_order_number_reply_can_be_overridden()
    {
        var draft = Write(DraftFor("track_order", null, With(DefaultTemplates.AskOrderNumberKey, "Which order, {customer_name}?")));

        Assert.Equal("Which order, Ana?", draft.Text);
        Assert.Equal("tenant:ask_order_number", draft.Template);
    }
}
