namespace Verkstallighet.Activities.Statements;

/// <summary>
/// Saves the draft. <see cref="Version"/> is the version the writer started from: 0 for a new draft (none stored yet),
/// else the stored draft's version; anything else is a stale save and is refused.
/// </summary>
public sealed record SaveCourtStatementRequest(int? Version, string? CurrentSituation, string? SupervisionOutcome, string? ClientView, string? ContinuedSupervision);
