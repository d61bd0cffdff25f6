using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Host.Api.Incidents;
using Verkstallighet.Host.Api.Tasks;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Api.Instances;

/// <summary>Workflow instances: start one, read its state and journal.</summary>
public static class InstancesEndpoints
{
    public const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/instances", "Instances");

        group.MapPost("/", StartInstance)
            .RequireAuthorization(Policies.AnyRole)
            .WithSummary("Starts the latest published version of a workflow at my office (a chief or administrator may name another office).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", ListInstances)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("Instances, newest first (process owners and administrators).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", GetInstance)
            .WithSummary("An instance: variables, where it waits, open tasks, pending timers and incidents.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/journal", GetJournal)
            .WithSummary("The instance's journal: what happened, when, where, by whom and with what data.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Created<StepResponse>> StartInstance(StartInstanceRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct)
    {
        var start = new StartInstance(request.DefinitionKey, request.Variables, request.CorrelationId, request.Office, BusinessKey: request.BusinessKey);
        var result = await runtime.StartAsync(start, context.User.ToActor(), cancellationToken: ct);
        return TypedResults.Created($"/api/instances/{result.InstanceId}", StepResponse.From(result));
    }

    public static async Task<Ok<IEnumerable<InstanceSummary>>> ListInstances(
        string? definitionKey, string? correlationId, InstanceStatus? status, int? limit,
        HttpContext context, InstanceQueries queries, InstanceAccess access, CancellationToken ct)
    {
        var instances = await queries.ListAsync(definitionKey, correlationId, status, limit ?? DefaultLimit, ct);
        await access.RecordListedAsync(instances.Select(i => i.Id), context.User.ToActor(), "instance list", ct);
        return TypedResults.Ok(instances.Select(InstanceSummary.From));
    }

    public static async Task<Ok<InstanceDetails>> GetInstance(
        Guid id, HttpContext context, InstanceQueries queries, InstanceAccess access, TaskDueStatuses dueStatuses, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        await access.EnsureCanReadAsync(id, view.Instance.Office, context.User.ToActor(), "instance", ct);
        var due = await dueStatuses.OfAsync(view.OpenTasks, ct);
        return TypedResults.Ok(new InstanceDetails(
            InstanceSummary.From(view.Instance),
            view.Variables,
            view.WaitingAt,
            view.OpenTasks.Select(t => TaskSummary.From(t, due[t.Id])).ToList(),
            view.PendingTimers.Select(t => new TimerSummary(t.Id, t.ElementId, t.DueAt, t.DueDate, t.DeadlineRuleKey, t.AnchorVariable, t.AnchorDate)).ToList(),
            view.OpenIncidents.Select(IncidentSummary.From).ToList()));
    }

    public static async Task<Ok<IEnumerable<JournalLine>>> GetJournal(Guid id, HttpContext context, InstanceQueries queries, InstanceAccess access, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        await access.EnsureCanReadAsync(id, view.Instance.Office, context.User.ToActor(), "instance journal", ct);
        return TypedResults.Ok((await queries.JournalAsync(id, ct)).Select(JournalLine.From));
    }
}
