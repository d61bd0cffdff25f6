using Verkstallighet.Activities;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api;

public static class IncidentsEndpoints
{
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents");

        group.MapGet("/", async (Guid? instanceId, bool? includeResolved, HttpContext context, IDbContextFactory<WorkflowsDbContext> contexts, InstanceAccess access, CancellationToken ct) =>
        {
            var actor = context.User.RequireRole(Roles.ProcessOwner, Roles.Administrator);
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

            var incidents = await query.OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(ct);
            await access.RecordListedAsync(incidents.Select(i => i.InstanceId), actor, "incident list", ct);
            return incidents.Select(IncidentSummary.From);
        }).WithSummary("Incidents: where an instance failed and why.");

        group.MapPost("/{id:guid}/retry", async (Guid id, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            var actor = context.User.RequireRole(Roles.ProcessOwner, Roles.Administrator);
            return StepResponse.From(await runtime.RetryIncidentAsync(id, actor, ct));
        }).WithSummary("Runs the failed element again, once its cause is fixed.");
        return app;
    }
}
