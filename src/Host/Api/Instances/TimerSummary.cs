using NodaTime;

namespace Verkstallighet.Host.Api.Instances;

public sealed record TimerSummary(Guid Id, string ElementId, Instant DueAt, LocalDate? DueDate, string? DeadlineRule, string? AnchorVariable, LocalDate? AnchorDate);
