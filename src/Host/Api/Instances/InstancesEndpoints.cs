using Verkstallighet.Activities;
using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api;

/// <summary>
/// Starts a workflow. The instance belongs to my office; a chief or administrator may name another in
/// <paramref name="Office"/>. The variables may not set the office or another routing variable (400).
/// </summary>
public sealed record StartInstanceRequest(string DefinitionKey, JsonObject? Variables, string? CorrelationId, string? Office = null, string? BusinessKey = null);

public sealed record InstanceSummary(
    Guid Id, string DefinitionKey, int DefinitionVersion, string? CorrelationId, string? Office, InstanceStatus Status,
    int OpenIncidents, Instant StartedAt, string? StartedBy, Instant? EndedAt)
{
    public static InstanceSummary From(WorkflowInstance i) =>
        new(i.Id, i.DefinitionKey, i.DefinitionVersion, i.CorrelationId, i.Office, i.Status, i.OpenIncidents, i.StartedAt, i.StartedBy, i.EndedAt);
}

public sealed record TimerSummary(Guid Id, string ElementId, Instant DueAt, LocalDate? DueDate, string? DeadlineRule, string? AnchorVariable, LocalDate? AnchorDate);

public sealed record IncidentSummary(Guid Id, Guid InstanceId, string ElementId, string Message, Instant CreatedAt, Instant? ResolvedAt, string? ResolvedBy)
{
    public static IncidentSummary From(Incident i) => new(i.Id, i.InstanceId, i.ElementId, i.Message, i.CreatedAt, i.ResolvedAt, i.ResolvedBy);
}

public sealed record InstanceDetails(
    InstanceSummary Instance,
    JsonObject Variables,
    IReadOnlyList<string> WaitingAt,
    IReadOnlyList<TaskSummary> OpenTasks,
    IReadOnlyList<TimerSummary> PendingTimers,
    IReadOnlyList<IncidentSummary> OpenIncidents);

public sealed record JournalLine(long Id, Instant At, string Kind, string? ElementId, string? Actor, JsonNode? Data);

public sealed record StepResponse(Guid InstanceId, InstanceStatus Status, IReadOnlyList<Guid> OpenedTaskIds)
{
    public static StepResponse From(StepResult r) => new(r.InstanceId, r.Status, r.OpenedTaskIds);
}

/// <summary>Workflow instances: start one, read its state and journal.</summary>
public static class InstancesEndpoints
{
    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instances");

        group.MapPost("/", async (StartInstanceRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            var actor = context.User.RequireRole(Roles.Officer, Roles.Chief, Roles.ProcessOwner, Roles.Administrator);
            var result = await runtime.StartAsync(new StartInstance(request.DefinitionKey, request.Variables, request.CorrelationId, request.Office, BusinessKey: request.BusinessKey), actor, cancellationToken: ct);
            return Results.Created($"/api/instances/{result.InstanceId}", StepResponse.From(result));
        }).WithSummary("Starts the latest published version of a workflow at my office (a chief or administrator may name another office).");

        group.MapGet("/", async (string? definitionKey, string? correlationId, InstanceStatus? status, int? limit, HttpContext context, InstanceQueries queries, InstanceAccess access, CancellationToken ct) =>
        {
            var actor = context.User.RequireRole(Roles.ProcessOwner, Roles.Administrator);
            var instances = await queries.ListAsync(definitionKey, correlationId, status, limit ?? 100, ct);
            await access.RecordListedAsync(instances.Select(i => i.Id), actor, "instance list", ct);
            return instances.Select(InstanceSummary.From);
        }).WithSummary("Instances, newest first (process owners and administrators).");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, InstanceQueries queries, InstanceAccess access, CancellationToken ct) =>
        {
            var view = await queries.GetAsync(id, ct);
            await access.EnsureCanReadAsync(id, view.Instance.Office, context.User.ToActor(), "instance", ct);
            return new InstanceDetails(
                InstanceSummary.From(view.Instance),
                view.Variables,
                view.WaitingAt,
                view.OpenTasks.Select(t => TaskSummary.From(t)).ToList(),
                view.PendingTimers.Select(t => new TimerSummary(t.Id, t.ElementId, t.DueAt, t.DueDate, t.DeadlineRuleKey, t.AnchorVariable, t.AnchorDate)).ToList(),
                view.OpenIncidents.Select(IncidentSummary.From).ToList());
        }).WithSummary("An instance: variables, where it waits, open tasks, pending timers and incidents.");

        group.MapGet("/{id:guid}/journal", async (Guid id, HttpContext context, InstanceQueries queries, InstanceAccess access, CancellationToken ct) =>
        {
            var view = await queries.GetAsync(id, ct);
            await access.EnsureCanReadAsync(id, view.Instance.Office, context.User.ToActor(), "instance journal", ct);
            return (await queries.JournalAsync(id, ct)).Select(ToLine);
        }).WithSummary("The instance's journal: what happened, when, where, by whom and with what data.");

        return app;
    }

    private static JournalLine ToLine(JournalEntry entry) =>
        new(entry.Id, entry.At, entry.Kind, entry.ElementId, entry.Actor, entry.Data is null ? null : JsonNode.Parse(entry.Data));
}
