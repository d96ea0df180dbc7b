using Retenza.Api.Infrastructure;
using Retenza.Api.Messages;
using Retenza.Customers;
using Retenza.Triage.Orders;

namespace Retenza.Api.Orders;

/// <summary>Checks a pushed order and, when it is sound, turns it into the snapshot the order grain stores.</summary>
public static class OrderRequestValidator
{
    public const int MaxItems = 500;
    public const int MaxShipments = 100;
    private const int MaxCodeLength = 100;   // skus, carriers, tracking numbers
    private const int MaxNameLength = 500;

    public static bool TryValidate(
        string orderId,
        OrderRequest request,
        out OrderSnapshot? order,
        out Dictionary<string, string[]> errors)
    {
        var problems = new ValidationErrors();

        var id = ValidateOrderId(orderId, problems);

        var email = request.CustomerEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            problems.Add("customerEmail", "Required: the email address of the customer who placed the order.");
        }
        else if (!InboundMessageValidator.IsEmail(email))
        {
            problems.Add("customerEmail", $"'{email}' is not a valid email address.");
        }

        var status = Enum<OrderStatus>(request.Status, "status", "an order status", problems);
        var total = Amount(request.Total, "total", problems);
        var currency = Letters(request.Currency, 3, "currency", "a 3-letter ISO 4217 currency code such as USD", problems);
        var country = Letters(request.Country, 2, "country", "a 2-letter ISO 3166 country code such as US", problems);

        var items = new List<OrderItem>();
        if (request.Items is null || request.Items.Count == 0)
        {
            problems.Add("items", "Required: at least one line item.");
        }
        else if (request.Items.Count > MaxItems)
        {
            problems.Add("items", $"At most {MaxItems} line items.");
        }
        else
        {
            for (var i = 0; i < request.Items.Count; i++)
            {
                if (Item(request.Items[i], $"items[{i}]", problems) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        var skus = request.Items?.Select(i => i?.Sku?.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        var shipments = new List<Shipment>();
        var requestedShipments = request.Shipments ?? [];
        if (requestedShipments.Count > MaxShipments)
        {
            problems.Add("shipments", $"At most {MaxShipments} shipments.");
        }
        else
        {
            for (var i = 0; i < requestedShipments.Count; i++)
            {
                if (Shipment(requestedShipments[i], $"shipments[{i}]", skus, problems) is { } shipment)
                {
                    shipments.Add(shipment);
                }
            }
        }

        var refund = request.Refund is null ? null : Refund(request.Refund, problems);

        errors = problems.ToDictionary();
        if (problems.Total > 0)
        {
            order = null;
            return false;
        }

        order = new OrderSnapshot(id!, CustomerIds.NormalizeEmail(email!), status!.Value, total!.Value, currency!, country!,
            items, shipments, refund, default);
        return true;
    }

    /// <summary>The normalised order id, or null (with the error) when it cannot be one.</summary>
    public static string? ValidateOrderId(string orderId, ValidationErrors problems)
    {
        var id = OrderReference.Normalize(orderId);
        if (OrderReference.IsValid(id))
        {
            return id;
        }

        problems.Add("orderId", $"Must be 1 to {OrderReference.MaxLength} letters, digits, '-', '_' or '.' (a leading '#' is ignored).");
        return null;
    }

    private static OrderItem? Item(OrderItemRequest? item, string at, ValidationErrors problems)
    {
        if (item is null)
        {
            problems.Add(at, "Must be an object: {sku, name, qty, price}.");
            return null;
        }

        var before = problems.Total;
        var sku = Code(item.Sku, $"{at}.sku", "the item's sku", problems);
        var name = item.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add($"{at}.name", "Required: the item's name.");
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add($"{at}.name", $"Must be at most {MaxNameLength} characters.");
        }

        if (item.Qty is null)
        {
            problems.Add($"{at}.qty", "Required: the quantity ordered.");
        }
        else if (item.Qty < 1)
        {
            problems.Add($"{at}.qty", $"Must be at least 1, not {item.Qty}.");
        }

        var price = Amount(item.Price, $"{at}.price", problems);
        return problems.Total == before ? new OrderItem(sku!, name!, item.Qty!.Value, price!.Value) : null;
    }

    private static Shipment? Shipment(ShipmentRequest? shipment, string at, HashSet<string> itemSkus, ValidationErrors problems)
    {
        if (shipment is null)
        {
            problems.Add(at, "Must be an object: {carrier, tracking, status, skus, eta}.");
            return null;
        }

        var before = problems.Total;
        var carrier = Code(shipment.Carrier, $"{at}.carrier", "the carrier's name", problems);
        var tracking = Code(shipment.Tracking, $"{at}.tracking", "the tracking number", problems);
        var status = Enum<ShipmentStatus>(shipment.Status, $"{at}.status", "a shipment status", problems);

        var skus = new List<string>();
        if (shipment.Skus is null || shipment.Skus.Count == 0)
        {
            problems.Add($"{at}.skus", "Required: the skus of the items in this shipment.");
        }
        else
        {
            for (var i = 0; i < shipment.Skus.Count; i++)
            {
                var sku = shipment.Skus[i]?.Trim();
                if (string.IsNullOrEmpty(sku) || !itemSkus.Contains(sku))
                {
                    problems.Add($"{at}.skus[{i}]", $"'{sku}' is not the sku of any item of this order.");
                }
                else
                {
                    skus.Add(sku);
                }
            }
        }

        return problems.Total == before ? new Shipment(carrier!, tracking!, status!.Value, skus, shipment.Eta) : null;
    }

    private static Refund? Refund(RefundRequest refund, ValidationErrors problems)
    {
        var before = problems.Total;
        var status = Enum<RefundStatus>(refund.Status, "refund.status", "a refund status", problems);
        var amount = Amount(refund.Amount, "refund.amount", problems);
        return problems.Total == before ? new Refund(status!.Value, amount!.Value, refund.IssuedAt) : null;
    }

    private static T? Enum<T>(string? value, string at, string what, ValidationErrors problems)
        where T : struct, Enum
    {
        var allowed = string.Join(", ", SnakeCaseEnum.Names<T>());
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(at, $"Required: {what}, one of: {allowed}.");
            return null;
        }

        if (SnakeCaseEnum.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        problems.Add(at, $"'{value}' is not {what}; use one of: {allowed}.");
        return null;
    }

    private static decimal? Amount(decimal? value, string at, ValidationErrors problems)
    {
        if (value is null)
        {
            problems.Add(at, "Required: an amount, zero or more.");
        }
        else if (value < 0)
        {
            problems.Add(at, $"Must be zero or more, not {value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            return null;
        }

        return value;
    }

    private static string? Letters(string? value, int length, string at, string what, ValidationErrors problems)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            problems.Add(at, $"Required: {what}.");
            return null;
        }

        if (trimmed.Length != length || !trimmed.All(char.IsAsciiLetter))
        {
            problems.Add(at, $"'{trimmed}' is not {what}.");
            return null;
        }

        return trimmed.ToUpperInvariant();
    }

    /// <summary>An identifier-like string (sku, carrier, tracking): trimmed, 1 to 100 characters, no control characters.</summary>
    private static string? Code(string? value, string at, string what, ValidationErrors problems)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            problems.Add(at, $"Required: {what}.");
            return null;
        }

        if (trimmed.Length > MaxCodeLength || trimmed.Any(char.IsControl))
        {
            problems.Add(at, $"Must be at most {MaxCodeLength} characters with no control characters.");
            return null;
        }

        return trimmed;
    }
}
