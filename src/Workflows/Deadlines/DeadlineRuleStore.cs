using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>A rule version as a timer uses it: the parsed period and the version that was applied.</summary>
public sealed record EffectiveDeadlineRule(string Key, int Version, Period Period, bool MoveToNextWorkingDay, string LegalReference);

/// <summary>Reads deadline rules: which keys exist, and which version is in force on a given day.</summary>
public sealed class DeadlineRuleStore(IDbContextFactory<WorkflowsDbContext> contexts)
{
    public async Task<IReadOnlySet<string>> KeysAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.DeadlineRules.Select(r => r.Key).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The version in force on <paramref name="day"/>: the newest whose effective date has come. Before the first
    /// version takes effect, that first version applies (a rule that exists always has a period).
    /// </summary>
    public static async Task<EffectiveDeadlineRule?> EffectiveAsync(WorkflowsDbContext db, string key, LocalDate day, CancellationToken cancellationToken)
    {
        var versions = await db.DeadlineRules.AsNoTracking()
            .Where(r => r.Key == key)
            .OrderByDescending(r => r.Version)
            .ToListAsync(cancellationToken);
        var rule = versions.FirstOrDefault(r => r.EffectiveFrom <= day) ?? versions.LastOrDefault();
        if (rule is null)
        {
            return null;
        }

        if (!IsoTime.TryParsePeriod(rule.Period, out var period, allowNegative: true) || period.HasTimeComponent)
        {
            throw new InvalidOperationException($"Deadline rule '{key}' version {rule.Version} has the period '{rule.Period}', which is not a date period such as P1M.");
        }

        return new EffectiveDeadlineRule(rule.Key, rule.Version, period, rule.MoveToNextWorkingDay, rule.LegalReference);
    }
}
