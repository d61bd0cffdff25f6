using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Verkstallighet.Host.Api.Instances;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Api.Tasks;

/// <summary>The task inbox: list, read (with the form's schema), claim, release, complete.</summary>
public static class TasksEndpoints
{
    public const string NextCursorHeader = "X-Next-Cursor";

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/tasks", "Tasks");

        group.MapGet("/", ListTasks)
            .WithSummary("Open tasks, sorted by due date (none last) or by activity, case or status first; one page at a time. Each has its " +
                         "dueStatus: Overdue, DueSoon (its deadline rule's reminder lead time reached), Upcoming, or None.")
            .WithDescription("filter=mine (assigned to me), office (my office's) or role (for my roles at my office; the default), " +
                             "role (with filter=role: one of my roles), activityType, correlationId (the case), dueBefore (yyyy-MM-dd, " +
                             "exclusive), overdue=true, assigned=mine|unassigned|mineOrUnassigned, sort=dueDate|activity|case|status (activity: the " +
                             "title; case: the business key; status: unclaimed first, then by assignee; each then by due date, created, id), " +
                             "descending=true (exactly the reverse order), limit (1–500, default 100) and after (the cursor of " +
                             "the next page, from the previous page's Link rel=\"next\" or X-Next-Cursor header; valid only with the same filters).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", GetTask)
            .WithSummary("A task, with the JSON Schema of its form.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/claim", ClaimTask)
            .WithSummary("Assigns the task to me.")
            .ProducesTaskChangeProblems();

        group.MapPost("/{id:guid}/release", ReleaseTask)
            .WithSummary("Gives a task I hold back to the office.")
            .ProducesTaskChangeProblems();

        group.MapPost("/{id:guid}/complete", CompleteTask)
            .WithSummary("Completes the task with its form data; the workflow continues. A second completion, or a stale version, is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Ok<IEnumerable<TaskSummary>>, ValidationProblem>> ListTasks(
        string? filter, string? role, string? activityType, string? correlationId, string? dueBefore, bool? overdue, string? assigned,
        string? sort, bool? descending, int? limit, string? after, HttpContext context, TaskInbox inbox, ActivityRegistry activities, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new TaskListParameters(filter, role, activityType, correlationId, dueBefore, overdue, assigned, sort, descending, limit, after).ToQuery(errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The task list parameters are not valid.");
        }

        var page = await inbox.ListAsync(context.User.ToActor(), query, ct);
        if (page.Next is not null)
        {
            AddNextPageHeaders(context, page.Next);
        }

        return TypedResults.Ok(page.Items.Select(t => TaskSummary.From(t, page.DueStatusOf(t), Describe(activities, t))));
    }

    public static async Task<Ok<TaskSummary>> GetTask(Guid id, HttpContext context, TaskInbox inbox, TaskDueStatuses dueStatuses, ActivityRegistry activities, CancellationToken ct)
    {
        var task = await inbox.GetAsync(id, context.User.ToActor(), ct);
        return TypedResults.Ok(TaskSummary.From(task, await DueStatusAsync(dueStatuses, task, ct), Describe(activities, task), details: true));
    }

    public static async Task<Ok<TaskSummary>> ClaimTask(
        Guid id, TaskVersionRequest? request, HttpContext context, TaskInbox inbox, TaskDueStatuses dueStatuses, ActivityRegistry activities, CancellationToken ct)
    {
        var task = await inbox.ClaimAsync(id, context.User.ToActor(), request?.Version, ct);
        return TypedResults.Ok(TaskSummary.From(task, await DueStatusAsync(dueStatuses, task, ct), Describe(activities, task)));
    }

    public static async Task<Ok<TaskSummary>> ReleaseTask(
        Guid id, TaskVersionRequest? request, HttpContext context, TaskInbox inbox, TaskDueStatuses dueStatuses, ActivityRegistry activities, CancellationToken ct)
    {
        var task = await inbox.ReleaseAsync(id, context.User.ToActor(), request?.Version, ct);
        return TypedResults.Ok(TaskSummary.From(task, await DueStatusAsync(dueStatuses, task, ct), Describe(activities, task)));
    }

    public static async Task<Ok<StepResponse>> CompleteTask(Guid id, CompleteTaskRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct)
    {
        var result = await runtime.CompleteTaskAsync(id, request.Data ?? [], context.User.ToActor(), request.Version, ct);
        return TypedResults.Ok(StepResponse.From(result));
    }

    /// <summary>The next page's cursor, and its address with every other parameter kept (RFC 8288 Link).</summary>
    private static void AddNextPageHeaders(HttpContext context, string next)
    {
        context.Response.Headers[NextCursorHeader] = next;
        var nextUrl = QueryHelpers.AddQueryString(
            context.Request.Path,
            context.Request.Query.Where(p => !string.Equals(p.Key, "after", StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
                .Append(KeyValuePair.Create("after", (string?)next)));
        context.Response.Headers.Link = $"<{nextUrl}>; rel=\"next\"";
    }

    /// <summary>A claim or a release: its body may be malformed, the caller not the one to change it, the task gone or changed.</summary>
    private static RouteHandlerBuilder ProducesTaskChangeProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<TaskDueStatus> DueStatusAsync(TaskDueStatuses dueStatuses, HumanTask task, CancellationToken ct) =>
        (await dueStatuses.OfAsync([task], ct))[task.Id];

    private static ActivityDescriptor? Describe(ActivityRegistry activities, HumanTask task) =>
        activities.TryGet(task.ActivityType, out var descriptor) ? descriptor : null;
}
