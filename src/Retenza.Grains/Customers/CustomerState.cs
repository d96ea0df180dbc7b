using Retenza.Customers;

namespace Retenza.Grains.Customers;

[GenerateSerializer, Alias("Retenza.Grains.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public string Email { get; set; } = "";
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public DateTimeOffset FirstContactAt { get; set; }
    [Id(3)] public List<CustomerTicket> Tickets { get; set; } = [];
}
