using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Host.Api.Instances;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api.Incidents;

/// <summary>Incidents: where an instance failed, and running the failed element again (process owners and administrators).</summary>
public static class IncidentsEndpoints
{
    public const int MaxListed = 500;

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/incidents", "Incidents")
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListIncidents)
            .WithSummary("Incidents: where an instance failed and why.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/{id:guid}/retry", RetryIncident)
            .WithSummary("Runs the failed element again, once its cause is fixed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<IEnumerable<IncidentSummary>>> ListIncidents(
        Guid? instanceId, bool? includeResolved, HttpContext context, IDbContextFactory<WorkflowsDbContext> contexts, InstanceAccess access, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Incidents.AsNoTracking();
        if (instanceId is not null)
        {
            query = query.Where(i => i.InstanceId == instanceId);
        }

        if (includeResolved != true)
        {
            query = query.Where(i => i.ResolvedAt == null);
        }

        var incidents = await query.OrderByDescending(i => i.CreatedAt).Take(MaxListed).ToListAsync(ct);
        await access.RecordListedAsync(incidents.Select(i => i.InstanceId), context.User.ToActor(), "incident list", ct);
        return TypedResults.Ok(incidents.Select(IncidentSummary.From));
    }

    public static async Task<Ok<StepResponse>> RetryIncident(Guid id, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
        TypedResults.Ok(StepResponse.From(await runtime.RetryIncidentAsync(id, context.User.ToActor(), ct)));
}
