namespace Verkstallighet.Workflows.Runtime;

/// <summary>A deadline of an instance: a timer from a deadline rule and an anchor date.</summary>
public sealed record DeadlineView(
    Guid Id,
    string ElementId,
    string Rule,
    int? RuleVersion,
    string? LegalReference,
    string? Description,
    string? AnchorVariable,
    NodaTime.LocalDate? AnchorDate,
    NodaTime.LocalDate DueDate,
    DeadlineStatus Status,
    string? WaivedBy,
    string? WaiverReason);
