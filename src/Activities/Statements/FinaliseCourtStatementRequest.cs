namespace Verkstallighet.Activities.Statements;

/// <summary>Finalises the stored draft at <see cref="Version"/>.</summary>
public sealed record FinaliseCourtStatementRequest(int? Version);
