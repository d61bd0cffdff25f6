using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Host.Api.DeadlineRules;

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
