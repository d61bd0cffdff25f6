using Npgsql;
using NodaTime;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Deadlines;

/// <summary>
/// The deadlines of the actor's office across its running cases: those past due (overdue) and those coming up. Read in
/// SQL through the partial index on open deadline timers by due date (migration DeadlineReportIndexes), never case by
/// case. The cases listed are recorded as read in their access logs, as every list of cases is.
/// </summary>
public sealed class OfficeDeadlineQuery(NpgsqlDataSource dataSource, InstanceAccess access, IClock clock)
{
    public const int MaxRows = 200;

    /// <summary>
    /// Deadlines whose due date has passed without being met or waived: the timer fired (and what it watched has not
    /// ended since), or is about to.
    /// </summary>
    public Task<IReadOnlyList<OfficeDeadline>> OverdueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var today = Stockholm.DateOf(clock.GetCurrentInstant());
        return ListAsync(actor, today, "(t.status = 'Pending' OR (t.status = 'Fired' AND t.resolved_at IS NULL AND t.waived_at IS NULL)) AND t.due_date < @today", null, "overdue deadlines", cancellationToken);
    }

    /// <summary>Pending deadlines due from today up to <paramref name="days"/> days ahead, which a chief can still waive.</summary>
    public Task<IReadOnlyList<OfficeDeadline>> UpcomingAsync(Actor actor, int days, CancellationToken cancellationToken = default)
    {
        var today = Stockholm.DateOf(clock.GetCurrentInstant());
        return ListAsync(actor, today, "t.status = 'Pending' AND t.due_date >= @today AND t.due_date <= @until", today.PlusDays(days), "upcoming deadlines", cancellationToken);
    }

    private async Task<IReadOnlyList<OfficeDeadline>> ListAsync(Actor actor, LocalDate today, string condition, LocalDate? until, string what, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.Chief) && !actor.IsInRole(Roles.Officer))
        {
            throw new ForbiddenException("Only officers and chiefs see their office's deadlines.");
        }

        if (actor.Office is null)
        {
            return [];
        }

        // The open-deadline index narrows the timers by due date; the instance (primary key) and case (its instance
        // index) joins then keep the office's running cases.
        var sql = $"""
            SELECT t.id, c.id, c.client_name, t.deadline_rule_key, r.legal_reference, r.description, t.due_date, t.status, i.id
            FROM workflows.timers t
            JOIN workflows.instances i ON i.id = t.instance_id
            JOIN verkstallighet.cases c ON c.workflow_instance_id = i.id
            LEFT JOIN workflows.deadline_rules r ON r.key = t.deadline_rule_key AND r.version = t.deadline_rule_version
            WHERE t.deadline_rule_key IS NOT NULL AND {condition}
              AND i.status = 'Running' AND c.office = @office
            ORDER BY t.due_date, t.id
            LIMIT {MaxRows}
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("office", actor.Office);
        if (until is { } last)
        {
            command.Parameters.AddWithValue("until", last);
        }

        var rows = new List<OfficeDeadline>();
        var instances = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var due = reader.GetFieldValue<LocalDate>(6);
                rows.Add(new OfficeDeadline(
                    reader.GetGuid(0),
                    reader.GetGuid(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    due,
                    Math.Max(0, Period.Between(due, today, PeriodUnits.Days).Days),
                    reader.GetString(7) == "Pending"));
                instances.Add(reader.GetGuid(8));
            }
        }

        await access.RecordListedAsync(instances, actor, what, cancellationToken);
        return rows;
    }
}
