using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api.Instances;

/// <summary>Where an instance stands after a step (a start, a completed task, a message): its status and the tasks it opened.</summary>
public sealed record StepResponse(Guid InstanceId, InstanceStatus Status, IReadOnlyList<Guid> OpenedTaskIds)
{
    public static StepResponse From(StepResult r) => new(r.InstanceId, r.Status, r.OpenedTaskIds);
}
