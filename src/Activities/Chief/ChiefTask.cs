using NodaTime;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Activities.Chief;

/// <summary>
/// An open task for the chiefs of an office, with the case it concerns. <see cref="DraftedBy"/> and
/// <see cref="DraftedAt"/> are set for a plan awaiting establishment: who submitted the plan version and when.
/// </summary>
public sealed record ChiefTask(
    Guid TaskId,
    string Title,
    string ElementId,
    Guid? CaseId,
    string? ClientName,
    string? Assignee,
    LocalDate? DueDate,
    TaskDueStatus DueStatus,
    Instant CreatedAt,
    string? DraftedBy,
    Instant? DraftedAt);
