using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Notifications;

/// <summary>
/// Makes the reminders whose day has come, in one statement: for every rule version with a reminder lead time, its
/// pending deadlines due from today up to the last due date reminded today (<see cref="ReminderWindow"/>, counted in
/// NodaTime, not in SQL intervals), each with the open task that shows its due date. The notification goes to the task's
/// assignee, or to its office's queue when no one holds it. Deadlines met, waived, cancelled or fired are no longer
/// pending and get none; an overdue one is the escalation's. The unique key (timer, rule version) with
/// <c>ON CONFLICT DO NOTHING</c> makes a re-run after a crash, or two processes at once, add nothing twice.
/// </summary>
public sealed class DeadlineReminders(
    IDbContextFactory<WorkflowsDbContext> contexts,
    DeadlineRuleStore rules,
    ZonedClock clock,
    ILogger<DeadlineReminders> logger)
{
    private const string Sql = """
        WITH w AS (
            SELECT * FROM unnest(@keys, @versions, @latest, @references) AS w(rule_key, rule_version, latest_due, legal_reference)
        ), due AS (
            SELECT DISTINCT ON (t.id) t.id AS timer_id, t.deadline_rule_key, t.deadline_rule_version, w.legal_reference,
                   t.instance_id, t.due_date, h.id AS task_id, h.title, h.business_key, h.correlation_id, h.office,
                   h.assignee, h.candidate_role
            FROM workflows.timers AS t
            JOIN w ON t.deadline_rule_key = w.rule_key AND t.deadline_rule_version = w.rule_version
            JOIN workflows.human_tasks AS h ON h.instance_id = t.instance_id AND h.status = 'Open' AND h.due_date = t.due_date
            WHERE t.status = 'Pending' AND t.due_date >= @today AND t.due_date <= w.latest_due
              AND (h.assignee IS NOT NULL OR h.office IS NOT NULL) -- a task held by no one at no office has no one to remind
              AND NOT EXISTS (SELECT 1 FROM workflows.notifications AS n
                              WHERE n.timer_id = t.id AND n.deadline_rule_version = t.deadline_rule_version)
            ORDER BY t.id, h.created_at, h.id
        )
        INSERT INTO workflows.notifications (id, recipient_kind, recipient, candidate_role, timer_id, deadline_rule_key,
            deadline_rule_version, legal_reference, instance_id, business_key, correlation_id, task_id, task_title, office,
            due_date, created_at)
        SELECT gen_random_uuid(), CASE WHEN due.assignee IS NULL THEN 'Office' ELSE 'User' END, COALESCE(due.assignee, due.office),
               due.candidate_role, due.timer_id, due.deadline_rule_key, due.deadline_rule_version, due.legal_reference,
               due.instance_id, due.business_key, due.correlation_id, due.task_id, due.title, due.office, due.due_date, @now
        FROM due
        ON CONFLICT (timer_id, deadline_rule_version) DO NOTHING
        """;

    /// <summary>Makes the reminders due today that do not exist yet; returns how many it made.</summary>
    public async Task<int> CreateDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var today = clock.GetCurrentDate();
        var windows = (await rules.BookAsync(cancellationToken)).ReminderWindows(today);
        if (windows.Count == 0)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var created = await db.Database.ExecuteSqlRawAsync(Sql, [
            new NpgsqlParameter<string[]>("keys", windows.Select(w => w.RuleKey).ToArray()),
            new NpgsqlParameter<int[]>("versions", windows.Select(w => w.RuleVersion).ToArray()),
            new NpgsqlParameter<LocalDate[]>("latest", windows.Select(w => w.LatestDueDate).ToArray()),
            new NpgsqlParameter<string[]>("references", windows.Select(w => w.LegalReference).ToArray()),
            new NpgsqlParameter<LocalDate>("today", today),
            new NpgsqlParameter<Instant>("now", now),
        ], cancellationToken);
        if (created > 0)
        {
            logger.LogInformation("Made {Count} deadline reminder(s).", created);
        }

        return created;
    }
}
