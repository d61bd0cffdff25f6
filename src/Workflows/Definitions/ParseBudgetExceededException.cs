namespace Verkstallighet.Workflows.Definitions;

/// <summary>Parsing took longer than its <see cref="ParseBudget"/>; the document is refused, not stored.</summary>
public sealed class ParseBudgetExceededException(TimeSpan budget) : Exception(
    $"Validation was stopped after its time budget of {budget.TotalSeconds:0.###} s; the document is too large or too complex to validate. Nothing was stored.")
{
    public TimeSpan Budget { get; } = budget;
}
