using NodaTime;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api.Incidents;

public sealed record IncidentSummary(Guid Id, Guid InstanceId, string ElementId, string Message, Instant CreatedAt, Instant? ResolvedAt, string? ResolvedBy)
{
    public static IncidentSummary From(Incident i) => new(i.Id, i.InstanceId, i.ElementId, i.Message, i.CreatedAt, i.ResolvedAt, i.ResolvedBy);
}
