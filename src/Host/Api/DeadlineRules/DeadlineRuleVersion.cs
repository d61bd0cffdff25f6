using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Host.Api.DeadlineRules;

/// <summary>One version of a deadline rule as the API shows it; periods are ISO 8601 in the units they were given.</summary>
public sealed record DeadlineRuleVersion(
    string Key, int Version, string Period, string LegalReference, string Description, LocalDate EffectiveFrom,
    bool MoveToNextWorkingDay, string? ReminderLeadTime, bool PastEffectiveDateConfirmed, string ChangedBy, string ChangeReason, Instant CreatedAt)
{
    public static DeadlineRuleVersion From(DeadlineRule r) =>
        new(r.Key, r.Version, IsoTime.Format(r.Period), r.LegalReference, r.Description, r.EffectiveFrom, r.MoveToNextWorkingDay,
            r.ReminderLeadTime is { } reminder ? IsoTime.Format(reminder) : null, r.PastEffectiveDateConfirmed, r.ChangedBy, r.ChangeReason, r.CreatedAt);

    /// <summary>Every version of every rule, by key and version: what the API lists and the owners' page shows.</summary>
    public static async Task<List<DeadlineRuleVersion>> ListAsync(IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await db.DeadlineRules.AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.Version).ToListAsync(cancellationToken);
        return rules.Select(From).ToList();
    }
}
