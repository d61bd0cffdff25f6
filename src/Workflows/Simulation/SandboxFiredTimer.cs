using NodaTime;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Simulation;

/// <summary>One timer an advance reached: when it was due (the simulated time it fired at), and what firing it did.</summary>
public sealed record SandboxFiredTimer(
    Guid TimerId, Guid? InstanceId, string ElementId, Instant DueAt, LocalDate? DueDate, string? DeadlineRule, TimerFireOutcome? Outcome, string? Error);
