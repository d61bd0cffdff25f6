using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Time;
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
        var rules = await db.DeadlineRules.AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.Version).ToListAsync(cancellationToken);
        return rules
            .Select(r => new DeadlineRuleVersion(r.Key, r.Version, IsoTime.Format(r.Period), r.LegalReference, r.Description, r.EffectiveFrom,
                r.MoveToNextWorkingDay, r.ChangedBy, r.ChangeReason, r.CreatedAt))
            .ToList();
    }
}
