using NodaTime;
using Npgsql;
using NpgsqlTypes;
using Verkstallighet.Workflows.Journal;

using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// Writes one batch of moves in one statement: each timer through its (id, version) guard, and for the timers that
/// moved, their bookmarks' copies of the due date, the open tasks that showed the old date in that instance, and one
/// journal entry per instance. It runs in the caller's transaction, so each deadline has its old or its new due date
/// everywhere, never a mix. The lease is cleared: a fire job queued for the old version is stale, and the sweep claims
/// the new version when it is due.
/// </summary>
internal static class DeadlineMoveWriter
{
    private const string Sql = $"""
        WITH m AS (
            SELECT * FROM unnest(@ids, @versions, @old_dues, @dues, @due_ats, @rule_versions)
                AS m(id, version, old_due, due_date, due_at, rule_version)
        ), moved AS (
            UPDATE workflows.timers AS t
            SET due_date = m.due_date, due_at = m.due_at, deadline_rule_version = m.rule_version, version = t.version + 1,
                locked_until = NULL, locked_by = NULL
            FROM m
            -- ANY(@ids) lets the planner fetch the batch's timers by key rather than scan every timer for each batch.
            WHERE t.id = ANY(@ids) AND t.id = m.id AND t.version = m.version AND t.status = 'Pending'
            RETURNING t.id, t.bookmark_id, t.instance_id, t.element_id, m.old_due, t.due_date
        ), bookmarks AS (
            UPDATE workflows.bookmarks AS b SET due_date = moved.due_date
            FROM moved WHERE b.id = moved.bookmark_id
            RETURNING b.id
        ), tasks AS (
            UPDATE workflows.human_tasks AS h SET due_date = moved.due_date
            FROM moved WHERE h.instance_id = moved.instance_id AND h.status = 'Open' AND h.due_date = moved.old_due
            RETURNING h.id
        ), entries AS (
            INSERT INTO workflows.journal (instance_id, at, kind, element_id, actor, data)
            SELECT moved.instance_id, @at, '{JournalKinds.DeadlineRescheduled}', min(moved.element_id), @actor,
                   jsonb_build_object('rule', @rule, 'ruleVersion', @rule_version, 'scope', @scope, 'reason', @reason,
                       'deadlines', jsonb_agg(jsonb_build_object('timerId', moved.id, 'from', moved.old_due, 'to', moved.due_date)))
            FROM moved GROUP BY moved.instance_id
            RETURNING instance_id
        )
        SELECT (SELECT count(*) FROM moved)::int, (SELECT count(*) FROM entries)::int,
               (SELECT count(*) FROM bookmarks)::int + (SELECT count(*) FROM tasks)::int
        """;

    /// <summary>Returns the timers moved and the instances journaled.</summary>
    public static async Task<(int Moved, int Instances)> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DeadlineMove> batch, DeadlineChangeRecord change, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", batch.Select(m => m.Deadline.TimerId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("versions", batch.Select(m => m.Deadline.TimerVersion).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<LocalDate[]>("old_dues", batch.Select(m => m.Deadline.DueDate).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<LocalDate[]>("dues", batch.Select(m => m.NewDueDate).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<Instant[]>("due_ats", batch.Select(m => DeadlineCalculator.OverdueAt(m.NewDueDate)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int[]>("rule_versions", batch.Select(m => m.NewRuleVersion).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<Instant>("at", change.At));
        command.Parameters.Add(new NpgsqlParameter<string>("actor", change.By));
        command.Parameters.Add(new NpgsqlParameter<string>("rule", change.RuleKey) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int>("rule_version", change.RuleVersion));
        command.Parameters.Add(new NpgsqlParameter<string>("scope", change.Scope.ToString()) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string>("reason", change.Reason) { NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }
}
