using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>A pending deadline timer as a rule change sees it: its guard (id, version), its anchor and where it belongs.</summary>
public sealed record PendingDeadline(
    Guid TimerId,
    int TimerVersion,
    Guid InstanceId,
    string ElementId,
    int RuleVersion,
    LocalDate AnchorDate,
    LocalDate DueDate,
    string DefinitionKey,
    string? BusinessKey,
    string? Office);
