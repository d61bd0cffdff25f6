namespace Verkstallighet.Activities.Cases;

/// <summary>One page of cases, newest first; <see cref="NextBefore"/> asks for the next page, null on the last.</summary>
public sealed record CaseSearchPage(CaseSearchKind Kind, IReadOnlyList<CaseSummary> Cases, long? NextBefore);
