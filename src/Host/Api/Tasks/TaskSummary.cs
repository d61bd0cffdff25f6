using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Api.Tasks;

public sealed record TaskSummary(
    Guid Id, string Title, string ActivityType, string? ActivityDisplayName, string ElementId, Guid InstanceId, string? DefinitionKey,
    string? CorrelationId, string? BusinessKey, string CandidateRole, string? Instructions, string? Office, string? Assignee, LocalDate? DueDate,
    TaskDueStatus DueStatus, HumanTaskStatus Status, Instant CreatedAt, Instant? ClaimedAt, Instant? CompletedAt, string? CompletedBy, int Version,
    JsonNode? Form = null, JsonNode? Data = null)
{
    /// <param name="dueStatus">Overdue, due soon (its rule's reminder day has come), upcoming, or none without a due date.</param>
    public static TaskSummary From(HumanTask t, TaskDueStatus dueStatus, ActivityDescriptor? descriptor = null, bool details = false) =>
        new(t.Id, t.Title, t.ActivityType, descriptor?.DisplayName, t.ElementId, t.InstanceId, t.DefinitionKey, t.CorrelationId, t.BusinessKey,
            t.CandidateRole, t.Instructions, t.Office, t.Assignee, t.DueDate, dueStatus, t.Status, t.CreatedAt, t.ClaimedAt, t.CompletedAt, t.CompletedBy, t.Version,
            details ? descriptor?.FormSchema?.DeepClone() : null,
            details && t.Data is not null ? JsonNode.Parse(t.Data) : null);
}
