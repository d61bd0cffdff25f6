using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Host.Api;

public sealed record DeadlineRuleVersion(
    string Key, int Version, string Period, string LegalReference, string Description, LocalDate EffectiveFrom,
    bool MoveToNextWorkingDay, string ChangedBy, string ChangeReason, Instant CreatedAt)
{
    /// <summary>Every version of every rule, by key and version: what the API lists and the owners' page shows.</summary>
    public static async Task<List<DeadlineRuleVersion>> ListAsync(IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeadlineRules.AsNoTracking()
            .OrderBy(r => r.Key).ThenBy(r => r.Version)
            .Select(r => new DeadlineRuleVersion(r.Key, r.Version, r.Period, r.LegalReference, r.Description, r.EffectiveFrom,
                r.MoveToNextWorkingDay, r.ChangedBy, r.ChangeReason, r.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

public static class DeadlineRulesEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineRules(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deadline-rules", (IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct) =>
                DeadlineRuleVersion.ListAsync(contexts, ct))
        .WithTags("Deadline rules")
        .WithSummary("Every version of every deadline rule, with its legal reference.");
        return app;
    }
}
