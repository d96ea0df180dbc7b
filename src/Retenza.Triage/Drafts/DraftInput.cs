using Retenza.Triage.Customers;
using Retenza.Triage.Intents;
using Retenza.Triage.Orders;
using Retenza.Triage.Policy;
using Retenza.Triage.Reading;

namespace Retenza.Triage.Drafts;

public sealed record DraftInput(
    EmailDocument Email,
    string CustomerName,
    IntentPrediction Intent,
    OrderLookup Order,
    CustomerContext Customer,
    TriagePolicy Policy);
