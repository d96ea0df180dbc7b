namespace Retenza.Api.Orders;

/// <summary>Errors by field path, in the order found, as a validation problem's "errors" member wants them.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Errors added so far, over all fields: a part is sound when adding it did not change this.</summary>
    public int Total { get; private set; }

    public void Add(string field, string error)
    {
        Total++;
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(error);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
