using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using static Retenza.Triage.Drafts.DraftActions;

namespace Retenza.Triage.Drafts;

/// <summary>
/// The built-in replies, per intent: the first template whose condition holds is used. They quote
/// only slots (never a number of their own: the store's policies are the tenant's to state, in
/// <c>policy.Templates</c>) and promise an operational action only in a variant that requires the
/// policy to allow auto-send for the intent; otherwise they say a person will review.
/// </summary>
public static class DefaultTemplates
{
    public const string Greeting = "Hi {customer_name|there},";
    public const string Closing = "Kind regards,\nCustomer Support";

    /// <summary>Policy key of the reply used when an intent needs an order and none was found.</summary>
    public const string AskOrderNumberKey = "ask_order_number";

    private static readonly OrderStatus[] NotShipped = [OrderStatus.Placed, OrderStatus.Paid];
    private static readonly OrderStatus[] OnItsWay = [OrderStatus.Shipped, OrderStatus.PartiallyDelivered];
    private static readonly OrderStatus[] LeftTheWarehouse = [OrderStatus.Shipped, OrderStatus.PartiallyDelivered, OrderStatus.Delivered, OrderStatus.Returned];

    // A lost or returning parcel needs someone to decide between reshipping and refunding.
    private const string Astray = "I'm sorry: I can see that the parcel for order {order_id} ({carrier}, tracking number {tracking}) is {shipment_status}. I've passed this to our team, who will sort out the next step and get back to you by email.";

    private static readonly Dictionary<string, ReplyTemplate[]> ByIntent = new(StringComparer.Ordinal)
    {
        ["cancel_order"] =
        [
            new("cancel_order/already_cancelled", Information, "Your order {order_id} is already cancelled, so there's nothing more you need to do.", f => f.Is(OrderStatus.Cancelled)),
            new("cancel_order/too_late", Information, "Your order {order_id} has already been {order_status}, so it can no longer be cancelled. Once it arrives, you can send it back and our team will help you with the return.", f => f.Is(LeftTheWarehouse)),
            new("cancel_order/cancelled", Cancellation, "I've cancelled your order {order_id}. You'll receive a confirmation email shortly.", f => f.AutoSendAllowed && f.Is(NotShipped)),
            new("cancel_order/review", AgentReview, "I've passed your request to cancel order {order_id} to our team. They'll check whether it can still be stopped and confirm by email."),
        ],
        ["change_order"] =
        [
            new("change_order/too_late", Information, "Your order {order_id} has already been {order_status}, so it can no longer be changed. If something isn't right when it arrives, just reply and we'll help.", f => f.Is(LeftTheWarehouse)),
            new("change_order/review", AgentReview, "I've passed the change you asked for on order {order_id} to our team. They'll check whether it can still be made before it ships and confirm by email."),
        ],
        ["change_shipping_address"] =
        [
            new("change_shipping_address/delivered", Information, "Our records show that order {order_id} has already been delivered. If it didn't reach you, just reply and our team will look into it.", f => f.Is(OrderStatus.Delivered)),
            new("change_shipping_address/on_its_way", AgentReview, "Your order {order_id} is already on its way with {carrier}. I've asked our team to check with the carrier whether the address can still be changed; they'll reply by email.", f => f.Is(OnItsWay)),
            new("change_shipping_address/review", AgentReview, "I've passed your new address for order {order_id} to our team. They'll update it if the order hasn't shipped yet and confirm by email."),
        ],
        ["check_cancellation_fee"] =
        [
            new("check_cancellation_fee/order", Information, "Your order {order_id} is currently {order_status}. Our cancellation terms on our website explain whether a fee applies at this stage, and we're happy to help if anything is unclear.", f => f.Found),
            new("check_cancellation_fee/general", Information, "Whether a cancellation fee applies depends on how far your order has got; our cancellation terms are on our website. If you reply with your order number, I can check where your order is."),
        ],
        ["check_invoice"] = [new("check_invoice", Information, "Order {order_id} contains {items}, with a total of {total}. If you need a formal invoice, just reply and our team will send one.")],
        ["check_payment_methods"] = [new("check_payment_methods", Information, "You'll see every payment method we accept at checkout, just before you confirm your order. If a method you'd like to use isn't there, let us know.")],
        ["check_refund_policy"] = [new("check_refund_policy", Information, "Our refund policy is on our website and explains what can be refunded and how. For order {order_id}, which is {order_status}, our team can confirm exactly what applies if you reply.")],
        ["complaint"] = [new("complaint", AgentReview, "I'm really sorry to hear about your experience. I've passed your message to our team, who will look into it personally and get back to you. They'll have the details of order {order_id} to hand.")],
        ["contact_customer_service"] = [new("contact_customer_service", Information, "You've reached our customer support team, and we're happy to help. Just reply to this email with your question and we'll take it from there.")],
        ["contact_human_agent"] = [new("contact_human_agent", Handoff, "Of course. I've passed your message to a member of our team, who will reply to you personally.")],
        ["create_account"] = [new("create_account", Information, "You can create an account on our website with just your email address and a password. If anything goes wrong while signing up, reply to this email and we'll help.")],
        ["delete_account"] = [new("delete_account", AgentReview, "I've passed your request to delete your account to our team. They'll make sure it's really you and confirm by email.")],
        ["delivery_options"] = [new("delivery_options", Information, "You'll see every delivery option available for your address at checkout, each with its price and expected delivery time.")],
        ["delivery_period"] = [new("delivery_period", Information, "Your order {order_id} is with {carrier}, tracking number {tracking}. It is expected on {eta}. For new orders, checkout shows the expected delivery time for your address.")],
        ["edit_account"] = [new("edit_account", Information, "You can update your account details at any time by signing in and opening your account settings.")],
        ["get_invoice"] = [new("get_invoice", Information, "Here's a summary of order {order_id}: {items}, with a total of {total}. If you need the formal invoice as a PDF, reply to this email and our team will send it.")],
        ["get_refund"] =
        [
            new("get_refund/issued", Information, "Good news: a refund of {refund_amount} for order {order_id} was issued on {refund_date}. Depending on your bank, it can take a few days to show on your statement.", f => f.RefundStatus == RefundStatus.Issued),
            new("get_refund/requested", Information, "A refund of {refund_amount} for order {order_id} has already been requested and is being processed. We'll email you as soon as it's on its way.", f => f.RefundStatus == RefundStatus.Requested),
            new("get_refund/started", DraftActions.Refund, "I've started a refund of {total} for order {order_id}. You'll receive an email as soon as it's on its way.", f => f.AutoSendAllowed),
            new("get_refund/review", AgentReview, "I've passed your refund request for order {order_id} to our team. They'll review it and confirm the outcome by email."),
        ],
        ["newsletter_subscription"] = [new("newsletter_subscription", Information, "You can subscribe or unsubscribe at any time with the link at the bottom of any of our newsletters, or in your account settings.")],
        ["payment_issue"] = [new("payment_issue", AgentReview, "I'm sorry you had trouble with your payment. I've passed this to our team, who will check it and get back to you. They'll have the details of order {order_id} to hand.")],
        ["place_order"] = [new("place_order", Information, "You can place an order on our website at any time. If something stops you at checkout, reply with what you see and we'll help you finish it.")],
        ["recover_password"] = [new("recover_password", Information, "You can reset your password from the sign-in page: choose \"Forgot password\" and we'll email you a link to set a new one.")],
        ["registration_problems"] = [new("registration_problems", AgentReview, "I'm sorry you're having trouble signing up. Could you reply with what you see when it fails? Our team will look into it.")],
        ["review"] = [new("review", Information, "Thank you for taking the time to share your feedback. It really helps us, and I've passed it on to the team.")],
        ["set_up_shipping_address"] = [new("set_up_shipping_address", Information, "You can add or change a saved shipping address in your account settings, or enter a new one at checkout.")],
        ["switch_account"] = [new("switch_account", Information, "To switch accounts, sign out and sign back in with the other email address.")],
        ["track_order"] =
        [
            new("track_order/cancelled", Information, "Your order {order_id} was cancelled, so it won't be shipped. If that's unexpected, just reply and our team will look into it.", f => f.Is(OrderStatus.Cancelled)),
            new("track_order/astray", AgentReview, Astray, f => f.ParcelAstray),
            new("track_order/not_shipped", Information, "Your order {order_id} is {order_status} and hasn't shipped yet. You'll get the tracking details as soon as it does.", f => f.Is(NotShipped) && !f.HasShipment),
            new("track_order/shipment", Information, "I can see your order {order_id}. It's with {carrier}, tracking number {tracking}, and it is {shipment_status}. The expected delivery date is {eta}. If anything looks wrong, just reply to this email."),
        ],
        ["track_refund"] =
        [
            new("track_refund/issued", Information, "The refund of {refund_amount} for order {order_id} was issued on {refund_date}. Depending on your bank, it can take a few days to appear on your statement.", f => f.RefundStatus == RefundStatus.Issued),
            new("track_refund/requested", Information, "The refund of {refund_amount} for order {order_id} has been requested and is being processed. We'll email you as soon as it's on its way.", f => f.RefundStatus == RefundStatus.Requested),
            new("track_refund/none", AgentReview, "I can't see a refund on order {order_id} yet, so I've asked our team to look into it. They'll get back to you by email."),
        ],
        ["damaged_item"] =
        [
            new("damaged_item/replacement", Replacement, "I'm so sorry that your order {order_id} arrived damaged. We'll send you a replacement at no cost, and you'll receive the tracking details by email.", f => f.AutoSendAllowed),
            new("damaged_item/review", AgentReview, "I'm so sorry that something in your order {order_id} arrived damaged. I've passed this to our team, who will review it and get back to you with the options. A photo of the damage would help them."),
        ],
        ["missing_item"] =
        [
            new("missing_item/replacement", Replacement, "I'm sorry that {lost_items} from order {order_id} didn't reach you. We'll send the missing items again at no cost.", f => f.AutoSendAllowed),
            new("missing_item/review", AgentReview, "I'm sorry that part of your order {order_id} is missing. I can see that the carrier reported the parcel with {lost_items} as lost. I've passed this to our team, who will get back to you with the options."),
        ],
        ["wrong_item"] =
        [
            new("wrong_item/replacement", Replacement, "I'm sorry you received the wrong item in order {order_id}. We'll send you the right one at no cost, and you'll receive the tracking details by email.", f => f.AutoSendAllowed),
            new("wrong_item/review", AgentReview, "I'm sorry you received the wrong item in order {order_id}. I've passed this to our team, who will sort it out and get back to you by email."),
        ],
        ["return_request"] =
        [
            new("return_request/label", Return, "You can return {items} from order {order_id}. We'll email you a return label shortly.", f => f.AutoSendAllowed && f.Is(OrderStatus.Delivered, OrderStatus.PartiallyDelivered)),
            new("return_request/not_delivered", Information, "Your order {order_id} hasn't reached you yet. Once it arrives, just reply and our team will help you with the return.", f => f.Is(OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Shipped)),
            new("return_request/review", AgentReview, "I've passed your return request for order {order_id} to our team. They'll review it and reply with the next steps."),
        ],
        ["delivery_delayed"] =
        [
            new("delivery_delayed/astray", AgentReview, Astray, f => f.ParcelAstray),
            new("delivery_delayed", Information, "I'm sorry your order {order_id} is taking longer than expected. It's with {carrier}, tracking number {tracking}, and it is {shipment_status}. The latest expected delivery date is {eta}. If it hasn't arrived by then, just reply and we'll look into it."),
        ],
        ["fraud_claim"] = [new("fraud_claim", Handoff, "Thank you for telling us. I've passed your message straight to our security team, who will contact you personally. Please don't send card details by email.")],
        ["legal_threat"] = [new("legal_threat", Handoff, "Thank you for your message. I've passed it to a senior member of our team, who will reply to you personally.")],
        ["chargeback_threat"] = [new("chargeback_threat", Handoff, "I'm sorry about the trouble with this payment. I've passed your message to a senior member of our team, who will look into it and reply to you personally.")],
        ["accessibility_complaint"] = [new("accessibility_complaint", Handoff, "Thank you for telling us, and I'm sorry our service made this harder than it should be. I've passed your message to our team, who will contact you personally.")],
        ["account_judgment"] = [new("account_judgment", Handoff, "Thanks for your message. Account changes like this need a member of our team, so I've passed your request on and they'll reply to you personally.")],
        [IntentTaxonomy.Other] = [new(IntentTaxonomy.Other, Handoff, "Thanks for your message. I've passed it to a member of our team, who will get back to you.")],
    };

    // What the reply can do once the customer sends the order number ("Then I can …").
    private static readonly Dictionary<string, string> Tasks = new(StringComparer.Ordinal)
    {
        ["cancel_order"] = "look into cancelling it",
        ["change_order"] = "check whether it can still be changed",
        ["change_shipping_address"] = "check whether the address can still be changed",
        ["check_invoice"] = "look up the invoice",
        ["get_invoice"] = "send you the invoice details",
        ["get_refund"] = "look into your refund",
        ["track_order"] = "check where your parcel is",
        ["track_refund"] = "check on your refund",
        ["damaged_item"] = "sort out the damaged item",
        ["missing_item"] = "look into the missing item",
        ["wrong_item"] = "sort out the wrong item",
        ["return_request"] = "help you with the return",
        ["delivery_delayed"] = "check where your parcel is",
    };

    public static IReadOnlyCollection<string> Intents => ByIntent.Keys;

    /// <summary>The first default template for the intent that applies; unknown intents get the hand-off reply of <c>other</c>.</summary>
    public static ReplyTemplate For(DraftFacts facts)
    {
        var templates = ByIntent.TryGetValue(facts.Intent, out var own) ? own : ByIntent[IntentTaxonomy.Other];
        return templates.First(template => template.AppliesTo(facts));
    }

    public static IReadOnlyList<ReplyTemplate> All(string intent) => ByIntent.TryGetValue(intent, out var own) ? own : [];

    /// <summary>The reply when an intent needs an order and none was found: ask for the number, quote nothing.</summary>
    public static ReplyTemplate AskOrderNumber(DraftFacts facts)
    {
        var task = Tasks.GetValueOrDefault(facts.Intent, "help you");
        return facts.OrderReferenced
            ? new("ask_order_number/not_found", Information, $"I couldn't find an order with the number you gave. Could you check it and reply with the order number from your confirmation email? Then I can {task}.")
            : new("ask_order_number/none", Information, $"Could you reply with your order number? You'll find it in your order confirmation email. Then I can {task}.");
    }

    /// <summary>Greeting, body, an acknowledgement of a second issue, sign-off.</summary>
    public static string Compose(string body, bool hasSecondIssue) =>
        Greeting + "\n\n" + body + (hasSecondIssue ? " I've also passed your other question to our team, who will answer it too." : "") + "\n\n" + Closing;
}
