using NodaTime;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api.Instances;

public sealed record InstanceSummary(
    Guid Id, string DefinitionKey, int DefinitionVersion, string? CorrelationId, string? Office, InstanceStatus Status,
    int OpenIncidents, Instant StartedAt, string? StartedBy, Instant? EndedAt)
{
    public static InstanceSummary From(WorkflowInstance i) =>
        new(i.Id, i.DefinitionKey, i.DefinitionVersion, i.CorrelationId, i.Office, i.Status, i.OpenIncidents, i.StartedAt, i.StartedBy, i.EndedAt);
}
