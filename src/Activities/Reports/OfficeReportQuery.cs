using Npgsql;
using NodaTime;
using Verkstallighet.Activities.Deadlines;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Reports;

/// <summary>
/// Computes an office's <see cref="OfficeReport"/> with SQL aggregates (GROUP BY rule and month) over the deadline
/// timers, through the partial indexes on deadline timers by due date (migration DeadlineReportIndexes): a handful of
/// rows come back, whatever the number of cases. Chiefs see their own office; administrators choose one.
/// </summary>
public sealed class OfficeReportQuery(NpgsqlDataSource dataSource, IClock clock)
{
    public const int Months = 12;

    public async Task<OfficeReport> GetAsync(Actor actor, string? office = null, CancellationToken cancellationToken = default)
    {
        var target = OfficeFor(actor, office);
        var today = Stockholm.DateOf(clock.GetCurrentInstant());
        var thisMonth = today.ToYearMonth();
        var first = thisMonth.PlusMonths(-(Months - 1));
        var from = first.OnDayOfMonth(1);
        var end = thisMonth.PlusMonths(1).OnDayOfMonth(1);

        var byRuleAndMonth = await OutcomesAsync(target, from, end, today, cancellationToken);
        DeadlineOutcome Total(string rule) => byRuleAndMonth.Where(o => o.Rule == rule).Select(o => o.Outcome).Aggregate(DeadlineOutcome.None, (a, b) => a.Add(b));
        var trend = Enumerable.Range(0, Months).Select(i => first.PlusMonths(i)).Select(month =>
        {
            var ofMonth = byRuleAndMonth.Where(o => o.Month == month).ToList();
            var plans = ofMonth.Where(o => o.Rule == Kvfs2011DeadlineRules.PlanEstablishment).Select(o => o.Outcome).Aggregate(DeadlineOutcome.None, (a, b) => a.Add(b));
            return new MonthTrend(month, plans, ofMonth.Sum(o => o.Outcome.Late));
        }).ToList();

        return new OfficeReport(
            target, from, today,
            Total(Kvfs2011DeadlineRules.PlanEstablishment),
            Total(Kvfs2011DeadlineRules.FirstFollowUp),
            await OverdueByRuleAsync(target, today, cancellationToken),
            trend);
    }

    /// <summary>The offices that have cases, for an administrator to choose from.</summary>
    public async Task<IReadOnlyList<string>> OfficesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return actor.IsInRole(Roles.Chief) && actor.Office is { } own ? [own] : [];
        }

        await using var command = dataSource.CreateCommand("SELECT DISTINCT office FROM verkstallighet.cases ORDER BY office");
        var offices = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            offices.Add(reader.GetString(0));
        }

        return offices;
    }

    private static string OfficeFor(Actor actor, string? office)
    {
        var asked = string.IsNullOrWhiteSpace(office) ? null : office.Trim();
        if (actor.IsInRole(Roles.Administrator))
        {
            return asked ?? actor.Office ?? throw new BadRequestException("Choose the office to report on.");
        }

        if (!actor.IsInRole(Roles.Chief) || actor.Office is null)
        {
            throw new ForbiddenException("Only chiefs and administrators see the office reports.");
        }

        if (asked is not null && !string.Equals(asked, actor.Office, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException($"You are chief at {actor.Office} and see its report only, not that of {asked}.");
        }

        return actor.Office;
    }

    private sealed record RuleMonthOutcome(string Rule, YearMonth Month, DeadlineOutcome Outcome);

    /// <summary>Met, missed and waived deadlines of the office's cases due in [from, end), by rule and month due.</summary>
    private async Task<List<RuleMonthOutcome>> OutcomesAsync(string office, LocalDate from, LocalDate end, LocalDate today, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.deadline_rule_key, date_trunc('month', t.due_date)::date AS month,
                   count(*) FILTER (WHERE t.status = 'Cancelled' AND t.cancelled_because = 'ActivityCompleted') AS in_time,
                   count(*) FILTER (WHERE (t.status = 'Fired' AND t.waived_at IS NULL) OR (t.status = 'Pending' AND t.due_date < @today)) AS late,
                   count(*) FILTER (WHERE t.waived_at IS NOT NULL OR t.cancelled_because = 'Waived') AS waived
            FROM workflows.timers t
            JOIN verkstallighet.cases c ON c.workflow_instance_id = t.instance_id
            WHERE t.deadline_rule_key IS NOT NULL AND t.due_date >= @from AND t.due_date < @end AND c.office = @office
            GROUP BY 1, 2
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("end", end);
        command.Parameters.AddWithValue("office", office);
        var rows = new List<RuleMonthOutcome>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RuleMonthOutcome(
                reader.GetString(0),
                reader.GetFieldValue<LocalDate>(1).ToYearMonth(),
                new DeadlineOutcome((int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4))));
        }

        return rows;
    }

    /// <summary>Deadlines of the office's running cases overdue now, counted by rule (the same as the chief's overview lists).</summary>
    private async Task<IReadOnlyList<RuleOverdue>> OverdueByRuleAsync(string office, LocalDate today, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.deadline_rule_key, max(r.legal_reference), count(*)
            FROM workflows.timers t
            JOIN workflows.instances i ON i.id = t.instance_id
            JOIN verkstallighet.cases c ON c.workflow_instance_id = i.id
            LEFT JOIN workflows.deadline_rules r ON r.key = t.deadline_rule_key AND r.version = t.deadline_rule_version
            WHERE t.deadline_rule_key IS NOT NULL AND t.due_date < @today
              AND (t.status = 'Pending' OR (t.status = 'Fired' AND t.resolved_at IS NULL AND t.waived_at IS NULL))
              AND i.status = 'Running' AND c.office = @office
            GROUP BY t.deadline_rule_key
            ORDER BY count(*) DESC, t.deadline_rule_key
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("office", office);
        var rows = new List<RuleOverdue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RuleOverdue(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), (int)reader.GetInt64(2)));
        }

        return rows;
    }
}
