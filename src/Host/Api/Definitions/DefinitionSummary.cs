using NodaTime;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Api.Definitions;

public sealed record DefinitionSummary(
    Guid Id, string Key, int? Version, DefinitionStatus Status, string? Name,
    Instant CreatedAt, string? CreatedBy, Instant? PublishedAt, string? PublishedBy, Instant? RetiredAt, string? ChangeNote,
    int RunningInstances)
{
    public static DefinitionSummary From(WorkflowDefinition d, IReadOnlyDictionary<Guid, int>? running = null) =>
        new(d.Id, d.Key, d.Version, d.Status, d.Name, d.CreatedAt, d.CreatedBy, d.PublishedAt, d.PublishedBy, d.RetiredAt, d.ChangeNote,
            running?.GetValueOrDefault(d.Id) ?? 0);
}
