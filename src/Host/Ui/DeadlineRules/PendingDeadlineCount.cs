using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Host.Ui.DeadlineRules;

/// <summary>
/// How many pending deadline timers fall due on one day, for one rule at one office. Counted in the database, so the
/// administrators' overview reads one row per (office, rule, day) however many cases there are.
/// </summary>
public sealed record PendingDeadlineCount(string? Office, string RuleKey, LocalDate DueDate, int Count)
{
    public static async Task<List<PendingDeadlineCount>> ListAsync(IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DeadlineRuleKey != null && t.DueDate != null && t.InstanceId != null)
            .Join(db.Set<WorkflowInstance>(), t => t.InstanceId, i => i.Id, (t, i) => new { i.Office, Rule = t.DeadlineRuleKey!, Due = t.DueDate!.Value })
            .GroupBy(d => new { d.Office, d.Rule, d.Due })
            .Select(g => new { g.Key.Office, g.Key.Rule, g.Key.Due, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PendingDeadlineCount(r.Office, r.Rule, r.Due, r.Count))
            .OrderBy(r => r.DueDate).ThenBy(r => r.Office, StringComparer.Ordinal).ThenBy(r => r.RuleKey, StringComparer.Ordinal)
            .ToList();
    }
}
