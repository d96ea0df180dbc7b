using Retenza.Api.Messages;

namespace Retenza.Api.Agents;

public static class AgentRequestValidator
{
    public const int MaxCapacity = 50;

    /// <summary>Every broken field at once, keyed by name; queues must be among <paramref name="knownQueues"/>.</summary>
    public static Dictionary<string, string[]> Validate(AgentRequest request, IReadOnlyList<string> knownQueues)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            errors["name"] = ["A name of 1 to 100 characters is required."];
        }

        if (string.IsNullOrWhiteSpace(request.Email) || !InboundMessageValidator.IsEmail(request.Email.Trim()))
        {
            errors["email"] = ["A valid email address is required."];
        }

        ValidateQueues(request.Queues, knownQueues, required: true, errors);
        if (request.Capacity is not { } capacity || capacity < 1 || capacity > MaxCapacity)
        {
            errors["capacity"] = [$"Capacity (tickets held at once) must be between 1 and {MaxCapacity}."];
        }

        return errors;
    }

    public static void ValidateQueues(List<string>? queues, IReadOnlyList<string> allowed, bool required, Dictionary<string, string[]> errors)
    {
        if (queues is null || queues.Count == 0)
        {
            if (required)
            {
                errors["queues"] = ["At least one queue is required."];
            }

            return;
        }

        for (var i = 0; i < queues.Count; i++)
        {
            if (queues[i] is null || !allowed.Contains(queues[i]))
            {
                errors[$"queues[{i}]"] = [$"'{queues[i]}' is not one of: {string.Join(", ", allowed)}."];
            }
        }
    }
}
