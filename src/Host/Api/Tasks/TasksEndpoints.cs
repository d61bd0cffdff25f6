using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Api;

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

/// <summary>The completion of a task: the form data, and optionally the version the client read (stale → 409).</summary>
public sealed record CompleteTaskRequest(JsonObject? Data, int? Version);

public sealed record TaskVersionRequest(int? Version);

/// <summary>The task inbox: list, read (with the form's schema), claim, release, complete.</summary>
public static class TasksEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");

        group.MapGet("/", ListTasks)
            .WithSummary("Open tasks, sorted by due date (none last) or by activity, case or status first; one page at a time.")
            .WithDescription("filter=mine (assigned to me), office (my office's) or role (for my roles at my office; the default), " +
                             "role (with filter=role: one of my roles), activityType, correlationId (the case), dueBefore (yyyy-MM-dd, " +
                             "exclusive), overdue=true, assigned=mine|unassigned|mineOrUnassigned, sort=dueDate|activity|case|status (activity: the " +
                             "title; case: the business key; status: unclaimed first, then by assignee; each then by due date, created, id), " +
                             "descending=true (exactly the reverse order), limit (1–500, default 100) and after (the cursor of " +
                             "the next page, from the previous page's Link rel=\"next\" or X-Next-Cursor header; valid only with the same filters).");
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

    public const string NextCursorHeader = "X-Next-Cursor";

    public static async Task<Results<Ok<IEnumerable<TaskSummary>>, ValidationProblem, ProblemHttpResult>> ListTasks(
        string? filter, string? role, string? activityType, string? correlationId, string? dueBefore, bool? overdue, string? assigned,
        string? sort, bool? descending, int? limit, string? after, HttpContext context, TaskInbox inbox, ActivityRegistry activities, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var parsedFilter = TaskFilter.Role;
        if (filter is not null && (!Enum.TryParse(filter, ignoreCase: true, out parsedFilter) || !Enum.IsDefined(parsedFilter) || int.TryParse(filter, out _)))
        {
            errors["filter"] = [$"'filter' must be one of mine, office, role, not '{filter}'."];
        }

        TaskAssignment? assignment = null;
        if (assigned is not null)
        {
            if (Enum.TryParse<TaskAssignment>(assigned, ignoreCase: true, out var parsedAssignment) && Enum.IsDefined(parsedAssignment) && !int.TryParse(assigned, out _))
            {
                assignment = parsedAssignment;
            }
            else
            {
                errors["assigned"] = [$"'assigned' must be mine, unassigned or mineOrUnassigned, not '{assigned}'."];
            }
        }

        var parsedSort = TaskSort.DueDate;
        if (sort is not null && (!Enum.TryParse(sort, ignoreCase: true, out parsedSort) || !Enum.IsDefined(parsedSort) || int.TryParse(sort, out _)))
        {
            errors["sort"] = [$"'sort' must be one of dueDate, activity, case, status, not '{sort}'."];
        }

        LocalDate? dueBeforeDate = null;
        if (dueBefore is not null)
        {
            var parsedDate = LocalDatePattern.Iso.Parse(dueBefore);
            if (parsedDate.Success)
            {
                dueBeforeDate = parsedDate.Value;
            }
            else
            {
                errors["dueBefore"] = [$"'dueBefore' must be a date (yyyy-MM-dd), not '{dueBefore}'."];
            }
        }

        if (limit is < 1 or > TaskListQuery.MaxLimit)
        {
            errors["limit"] = [$"'limit' must be between 1 and {TaskListQuery.MaxLimit}."];
        }

        if (role is not null && parsedFilter != TaskFilter.Role)
        {
            errors["role"] = ["'role' applies only with filter=role."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The task list parameters are not valid.");
        }

        var query = new TaskListQuery(parsedFilter)
        {
            Role = role,
            ActivityType = activityType,
            CorrelationId = correlationId,
            DueBefore = dueBeforeDate,
            Overdue = overdue ?? false,
            Assignment = assignment,
            Sort = parsedSort,
            Descending = descending ?? false,
            Limit = limit ?? TaskListQuery.DefaultLimit,
            After = after,
        };
        var page = await inbox.ListAsync(context.User.ToActor(), query, ct);
        if (page.Next is not null)
        {
            context.Response.Headers[NextCursorHeader] = page.Next;
            var nextUrl = QueryHelpers.AddQueryString(
                context.Request.Path,
                context.Request.Query.Where(p => !string.Equals(p.Key, "after", StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
                    .Append(KeyValuePair.Create("after", (string?)page.Next)));
            context.Response.Headers.Link = $"<{nextUrl}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Items.Select(t => TaskSummary.From(t, Describe(activities, t))));
    }

    private static ActivityDescriptor? Describe(ActivityRegistry activities, HumanTask task) =>
        activities.TryGet(task.ActivityType, out var descriptor) ? descriptor : null;
}
