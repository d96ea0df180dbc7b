namespace Retenza.Grains.Customers;

[GenerateSerializer, Alias("Retenza.Grains.CustomerIndexPageState")]
public sealed class CustomerIndexPageState
{
    [Id(0)] public List<string> Ids { get; set; } = [];
}
