using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Api;

public sealed record TaskSummary(
    Guid Id, string Title, string ActivityType, string? ActivityDisplayName, string ElementId, Guid InstanceId, string? DefinitionKey,
    string? CorrelationId, string CandidateRole, string? Office, string? Assignee, LocalDate? DueDate, HumanTaskStatus Status,
    Instant CreatedAt, Instant? ClaimedAt, Instant? CompletedAt, string? CompletedBy, int Version,
    JsonNode? Form = null, JsonNode? Data = null)
{
    public static TaskSummary From(HumanTask t, ActivityDescriptor? descriptor = null, bool details = false) =>
        new(t.Id, t.Title, t.ActivityType, descriptor?.DisplayName, t.ElementId, t.InstanceId, t.DefinitionKey, t.CorrelationId,
            t.CandidateRole, t.Office, t.Assignee, t.DueDate, t.Status, t.CreatedAt, t.ClaimedAt, t.CompletedAt, t.CompletedBy, t.Version,
            details ? descriptor?.FormSchema?.DeepClone() : null,
            details && t.Data is not null ? JsonNode.Parse(t.Data) : null);
}

/// <summary>The completion of a task: the form data, and optionally the version the client read (stale → 409).</summary>
public sealed record CompleteTaskRequest(JsonObject? Data, int? Version);

public sealed record TaskVersionRequest(int? Version);

/// <summary>The task inbox: list, read (with the form's schema), claim, release, complete.</summary>
public static class TasksEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");

        group.MapGet("/", async (string? filter, string? role, int? limit, HttpContext context, TaskInbox inbox, ActivityRegistry activities, CancellationToken ct) =>
        {
            var parsed = TaskFilter.Role;
            if (filter is not null && (!Enum.TryParse(filter, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed)))
            {
                throw new BadRequestException($"filter '{filter}' is not one of mine, office, role.");
            }

            var tasks = await inbox.ListAsync(context.User.ToActor(), parsed, role, limit ?? 100, ct);
            return tasks.Select(t => TaskSummary.From(t, Describe(activities, t)));
        }).WithSummary("Open tasks: filter=mine (assigned to me), office (my office's) or role (for my roles at my office; the default).");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, TaskInbox inbox, ActivityRegistry activities, CancellationToken ct) =>
        {
            var task = await inbox.GetAsync(id, context.User.ToActor(), ct);
            return TaskSummary.From(task, Describe(activities, task), details: true);
        }).WithSummary("A task, with the JSON Schema of its form.");

        group.MapPost("/{id:guid}/claim", async (Guid id, TaskVersionRequest? request, HttpContext context, TaskInbox inbox, ActivityRegistry activities, CancellationToken ct) =>
        {
            var task = await inbox.ClaimAsync(id, context.User.ToActor(), request?.Version, ct);
            return TaskSummary.From(task, Describe(activities, task));
        }).WithSummary("Assigns the task to me.");

        group.MapPost("/{id:guid}/release", async (Guid id, TaskVersionRequest? request, HttpContext context, TaskInbox inbox, ActivityRegistry activities, CancellationToken ct) =>
        {
            var task = await inbox.ReleaseAsync(id, context.User.ToActor(), request?.Version, ct);
            return TaskSummary.From(task, Describe(activities, task));
        }).WithSummary("Gives a task I hold back to the office.");

        group.MapPost("/{id:guid}/complete", async (Guid id, CompleteTaskRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            var result = await runtime.CompleteTaskAsync(id, request.Data ?? [], context.User.ToActor(), request.Version, ct);
            return StepResponse.From(result);
        }).WithSummary("Completes the task with its form data; the workflow continues. A second completion, or a stale version, is 409.");

        return app;
    }

    private static ActivityDescriptor? Describe(ActivityRegistry activities, HumanTask task) =>
        activities.TryGet(task.ActivityType, out var descriptor) ? descriptor : null;
}
