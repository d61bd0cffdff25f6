using NodaTime;

namespace Verkstallighet.Activities.Cases;

public sealed record CaseTaskView(Guid Id, string Title, string ActivityType, string ElementId, string CandidateRole, string? Office, string? Assignee, LocalDate? DueDate, int Version);
