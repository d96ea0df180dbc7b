namespace Retenza.Api.Analytics;

/// <summary>One intent's auto-send record: replies sent without a human, and how many of them failed.</summary>
public sealed record IntentAutoSendRate(string Intent, long AutoSent, long Failed, double? FailureRate);

/// <summary>
/// GET /v1/analytics/auto-send. Counts reach the record in batches, so they may lag by
/// <see cref="FlushSeconds"/>; failureRate is failed / autoSent (null before any auto send).
/// </summary>
public sealed record AutoSendReport(IReadOnlyList<IntentAutoSendRate> Intents, int FlushSeconds);
