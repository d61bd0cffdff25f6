using NodaTime;
using Verkstallighet.Host.Api.DeadlineRules;

namespace Verkstallighet.Host.Ui.DeadlineRules;

/// <summary>
/// One rule with its history: the version in effect today (as <c>DeadlineRuleBook.Effective</c> picks it: the newest
/// whose effective date has come, else the first) and the newest version, which may take effect later.
/// </summary>
public sealed record DeadlineRuleSummary(string Key, DeadlineRuleVersion Current, DeadlineRuleVersion Newest, IReadOnlyList<DeadlineRuleVersion> Versions)
{
    public bool HasScheduledVersion => Newest.Version != Current.Version;

    public static List<DeadlineRuleSummary> Of(IEnumerable<DeadlineRuleVersion> versions, LocalDate today) =>
        versions
            .GroupBy(v => v.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var byVersion = g.OrderBy(v => v.Version).ToList();
                var current = byVersion.LastOrDefault(v => v.EffectiveFrom <= today) ?? byVersion[0];
                return new DeadlineRuleSummary(g.Key, current, byVersion[^1], byVersion);
            })
            .ToList();
}
