namespace Verkstallighet.Workflows.Runtime;

/// <summary>What a step left behind: the instance's status and the tasks it opened.</summary>
public sealed record StepResult(Guid InstanceId, InstanceStatus Status, IReadOnlyList<Guid> OpenedTaskIds);
