using NodaTime;

namespace Verkstallighet.Host.Ui.DeadlineRules;

/// <summary>
/// Pending deadlines of one office or rule by when they fall due: already passed (the sweep has yet to fire them),
/// within <see cref="SoonDays"/> days (that day included), or later.
/// </summary>
public sealed record DeadlineBuckets(string Name, int Passed, int Soon, int Later)
{
    public const int SoonDays = 30;

    public int Total => Passed + Soon + Later;

    public static List<DeadlineBuckets> By(IEnumerable<PendingDeadlineCount> counts, Func<PendingDeadlineCount, string> name, LocalDate today) =>
        counts
            .GroupBy(name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DeadlineBuckets(
                g.Key,
                g.Where(c => c.DueDate < today).Sum(c => c.Count),
                g.Where(c => c.DueDate >= today && c.DueDate <= today.PlusDays(SoonDays)).Sum(c => c.Count),
                g.Where(c => c.DueDate > today.PlusDays(SoonDays)).Sum(c => c.Count)))
            .ToList();
}
