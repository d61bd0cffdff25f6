using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>
/// The due status of open tasks. A task's deadline is the pending deadline timer of its instance with the task's due
/// date (the copy the task was given, kept in step by rule changes); it is due soon when the rule version that timer was
/// counted with has a reminder lead time whose day has come. One query for a whole page, read from the instance index.
/// </summary>
public sealed class TaskDueStatuses(IDbContextFactory<WorkflowsDbContext> contexts, DeadlineRuleStore rules, ZonedClock clock)
{
    public async Task<IReadOnlyDictionary<Guid, TaskDueStatus>> OfAsync(IReadOnlyCollection<HumanTask> tasks, CancellationToken cancellationToken = default)
    {
        var today = clock.GetCurrentDate();
        var dated = tasks.Where(t => t.DueDate is not null && t.DueDate >= today).ToList();
        var reminded = new HashSet<(Guid, LocalDate)>();
        if (dated.Count > 0)
        {
            var instanceIds = dated.Select(t => (Guid?)t.InstanceId).Distinct().ToList();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var deadlines = await db.Timers.AsNoTracking()
                .Where(t => instanceIds.Contains(t.InstanceId) && t.Status == TimerStatus.Pending && t.DeadlineRuleKey != null && t.DueDate != null)
                .Select(t => new { t.InstanceId, t.DueDate, t.DeadlineRuleKey, t.DeadlineRuleVersion })
                .ToListAsync(cancellationToken);
            var book = await rules.BookAsync(cancellationToken);
            reminded = deadlines
                .Where(d => DeadlineReminder.IsDueSoon(d.DueDate!.Value, book.ReminderLeadTime(d.DeadlineRuleKey!, d.DeadlineRuleVersion ?? 0), today))
                .Select(d => (d.InstanceId!.Value, d.DueDate!.Value))
                .ToHashSet();
        }

        return tasks.ToDictionary(t => t.Id, t => t.DueDate switch
        {
            null => TaskDueStatus.None,
            { } due when due < today => TaskDueStatus.Overdue,
            { } due when reminded.Contains((t.InstanceId, due)) => TaskDueStatus.DueSoon,
            _ => TaskDueStatus.Upcoming,
        });
    }
}
