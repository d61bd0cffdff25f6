namespace Verkstallighet.Activities.Cases;

public sealed record CaseCreated(Guid CaseId, Guid InstanceId, string Workflow, IReadOnlyList<Guid> OpenedTaskIds);
