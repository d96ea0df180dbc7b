namespace Retenza.Api.Customers;

/// <summary>PUT /v1/customers/by-email/{email}: what the platform knows; an absent field stays as it is.</summary>
public sealed record CustomerUpdateRequest(string? Name, bool? Vip, decimal? LifetimeValue, string? ExternalId)
{
    public const int MaxText = 200;

    /// <summary>Lifetime values above this are a mistake (cents sent as units twice over), not a customer.</summary>
    public const decimal MaxLifetimeValue = 1_000_000_000m;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Name is not null && (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxText))
        {
            errors["name"] = [$"name must be 1 to {MaxText} characters, not blank."];
        }

        if (ExternalId is not null && (string.IsNullOrWhiteSpace(ExternalId) || ExternalId.Length > MaxText))
        {
            errors["externalId"] = [$"externalId must be 1 to {MaxText} characters, not blank."];
        }

        if (LifetimeValue is { } value && (value < 0 || value > MaxLifetimeValue))
        {
            errors["lifetimeValue"] = [$"lifetimeValue must be between 0 and {MaxLifetimeValue}."];
        }

        return errors;
    }
}
