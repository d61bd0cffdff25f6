using NodaTime;

namespace Verkstallighet.Activities.Deadlines;

/// <summary>
/// A deadline of one of an office's cases, as a chief's list shows it. <see cref="Waivable"/>: its timer is still
/// pending, so a chief can waive it (särskilda skäl); once the timer has fired the escalation has started instead.
/// </summary>
public sealed record OfficeDeadline(
    Guid DeadlineId,
    Guid CaseId,
    string ClientName,
    string Rule,
    string? LegalReference,
    string? Description,
    LocalDate DueDate,
    int DaysOverdue,
    bool Waivable);
