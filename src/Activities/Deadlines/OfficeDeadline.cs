using NodaTime;

namespace Verkstallighet.Activities.Deadlines;

/// <summary>
/// A deadline of one of an office's cases, as a chief's list shows it; a chief can waive each (särskilda skäl).
/// <see cref="Pending"/>: its timer has not fired yet; once it has, the escalation is under way as well.
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
    bool Pending);
