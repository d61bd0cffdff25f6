using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Host.Api;

public sealed record DeadlineRuleVersion(
    string Key, int Version, string Period, string LegalReference, string Description, LocalDate EffectiveFrom,
    bool MoveToNextWorkingDay, string ChangedBy, string ChangeReason, Instant CreatedAt);

public static class DeadlineRulesEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineRules(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deadline-rules", async (IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.DeadlineRules.AsNoTracking()
                .OrderBy(r => r.Key).ThenBy(r => r.Version)
                .Select(r => new DeadlineRuleVersion(r.Key, r.Version, r.Period, r.LegalReference, r.Description, r.EffectiveFrom,
                    r.MoveToNextWorkingDay, r.ChangedBy, r.ChangeReason, r.CreatedAt))
                .ToListAsync(ct);
        })
        .WithTags("Deadline rules")
        .WithSummary("Every version of every deadline rule, with its legal reference.");
        return app;
    }
}
