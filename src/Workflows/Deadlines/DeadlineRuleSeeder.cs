using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>Inserts the shipped rules whose keys are absent. Existing rules, and their later versions, are never touched.</summary>
public sealed class DeadlineRuleSeeder(IDbContextFactory<WorkflowsDbContext> contexts, IEnumerable<DeadlineRuleSeed> seeds, DeadlineRuleStore store, IClock clock)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = (await db.DeadlineRules.Select(r => r.Key).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var seed in seeds.Where(s => !existing.Contains(s.Key)).DistinctBy(s => s.Key))
        {
            var period = DatePeriod(seed.Key, "period", seed.Period, allowNegative: true);
            var reminder = seed.ReminderLeadTime is { } lead ? DatePeriod(seed.Key, "reminder lead time", lead, allowNegative: false) : null;

            db.DeadlineRules.Add(new DeadlineRule
            {
                Id = Guid.CreateVersion7(),
                Key = seed.Key,
                Version = 1,
                Period = period,
                LegalReference = seed.LegalReference,
                Description = seed.Description,
                EffectiveFrom = seed.EffectiveFrom,
                MoveToNextWorkingDay = seed.MoveToNextWorkingDay,
                ReminderLeadTime = reminder,
                ChangedBy = "system",
                ChangeReason = seed.ChangeReason,
                CreatedAt = clock.GetCurrentInstant(),
            });
            added++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            store.Invalidate();
        }
        catch (DbUpdateException)
        {
            // Another Host seeded the same rules at the same moment; theirs stand.
            store.Invalidate();
            return 0;
        }

        return added;
    }

    /// <summary>A shipped rule's period is a date period, or the shipped code is wrong: the Host does not start.</summary>
    private static Period DatePeriod(string key, string what, string text, bool allowNegative) =>
        IsoTime.TryParsePeriod(text, out var period, allowNegative) && !period.HasTimeComponent
            ? period
            : throw new InvalidOperationException($"The shipped rule '{key}' has the {what} '{text}', which is not a date period.");
}
