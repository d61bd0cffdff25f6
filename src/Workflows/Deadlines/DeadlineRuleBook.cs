using NodaTime;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// Every version of every deadline rule, read at one moment: a step looks its rules up here, in memory, so the token
/// loop never waits for the database.
/// </summary>
public sealed class DeadlineRuleBook
{
    private readonly Dictionary<string, DeadlineRule[]> versionsByKey;

    public DeadlineRuleBook(IEnumerable<DeadlineRule> rules)
    {
        versionsByKey = rules
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Version).ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Keys => versionsByKey.Keys;

    /// <summary>
    /// The version in force on <paramref name="day"/>: the newest whose effective date has come. Before the first
    /// version takes effect, that first version applies (a rule that exists always has a period). Null for an unknown key.
    /// </summary>
    public EffectiveDeadlineRule? Effective(string key, LocalDate day)
    {
        if (!versionsByKey.TryGetValue(key, out var versions))
        {
            return null;
        }

        var rule = Array.Find(versions, r => r.EffectiveFrom <= day) ?? versions[^1];
        if (rule.Period.HasTimeComponent)
        {
            throw new InvalidOperationException($"Deadline rule '{key}' version {rule.Version} has the period '{IsoTime.Format(rule.Period)}', which is not a date period such as P1M.");
        }

        return new EffectiveDeadlineRule(rule.Key, rule.Version, rule.Period, rule.MoveToNextWorkingDay, rule.LegalReference);
    }

    /// <summary>
    /// The reminder lead time of one version, the one a timer was counted with (not the version in force now: a later
    /// version changes the reminders of the deadlines it moves, which then carry its number). Null when it has none.
    /// </summary>
    public Period? ReminderLeadTime(string key, int version) =>
        versionsByKey.TryGetValue(key, out var versions) ? Array.Find(versions, r => r.Version == version)?.ReminderLeadTime : null;

    /// <summary>Every version with a reminder lead time, and which of its deadlines have had their reminder day by <paramref name="today"/>.</summary>
    public IReadOnlyList<ReminderWindow> ReminderWindows(LocalDate today) =>
        versionsByKey.Values.SelectMany(versions => versions)
            .Where(r => r.ReminderLeadTime is not null)
            .Select(r => new ReminderWindow(r.Key, r.Version, r.ReminderLeadTime!, DeadlineReminder.LatestDueDateRemindedBy(today, r.ReminderLeadTime!), r.LegalReference))
            .ToList();
}
