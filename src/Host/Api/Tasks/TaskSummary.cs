using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Api.Tasks;

public sealed record TaskSummary(
    Guid Id, string Title, string ActivityType, string? ActivityDisplayName, string ElementId, Guid InstanceId, string? DefinitionKey,
    string? CorrelationId, string? BusinessKey, string CandidateRole, string? Instructions, string? Office, string? Assignee, LocalDate? DueDate, HumanTaskStatus Status,
    Instant CreatedAt, Instant? ClaimedAt, Instant? CompletedAt, string? CompletedBy, int Version,
    JsonNode? Form = null, JsonNode? Data = null)
{
    public static TaskSummary From(HumanTask t, ActivityDescriptor? descriptor = null, bool details = false) =>
        new(t.Id, t.Title, t.ActivityType, descriptor?.DisplayName, t.ElementId, t.InstanceId, t.DefinitionKey, t.CorrelationId, t.BusinessKey,
            t.CandidateRole, t.Instructions, t.Office, t.Assignee, t.DueDate, t.Status, t.CreatedAt, t.ClaimedAt, t.CompletedAt, t.CompletedBy, t.Version,
            details ? descriptor?.FormSchema?.DeepClone() : null,
            details && t.Data is not null ? JsonNode.Parse(t.Data) : null);
}
