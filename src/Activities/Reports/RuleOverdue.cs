namespace Verkstallighet.Activities.Reports;

/// <summary>How many of the office's running cases have a deadline of this rule overdue now.</summary>
public sealed record RuleOverdue(string Rule, string? LegalReference, int Count);
