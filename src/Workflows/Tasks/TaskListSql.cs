using System.Text;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>
/// The SQL of one page of open tasks. Every branch (one per office, or per role and office) reads a partial index on open
/// tasks in sort order and stops at the page size; several branches are merged and cut again. Tasks without a due date
/// sort last as <c>COALESCE(due_date, 'infinity')</c>, the expression the indexes hold, so a keyset row comparison works.
/// The descending order reverses every key, so the same indexes serve it read backwards.
/// </summary>
public static class TaskListSql
{
    public const string SortKey = "COALESCE(t.due_date, 'infinity'::date), t.created_at, t.id";

    private const string SortKeyDescending = "COALESCE(t.due_date, 'infinity'::date) DESC, t.created_at DESC, t.id DESC";

    /// <param name="roles">With <see cref="TaskFilter.Role"/>: the roles whose tasks are listed.</param>
    /// <param name="take">Rows to read: the page size plus one, which tells whether a next page exists.</param>
    public static (string Sql, NpgsqlParameter[] Parameters) Build(
        TaskListQuery query, Actor actor, IReadOnlyList<string> roles, LocalDate today, TaskCursor? after, int take)
    {
        var parameters = new List<NpgsqlParameter>();
        string Parameter(object? value, NpgsqlDbType type)
        {
            var name = $"p{parameters.Count}";
            parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
            return "@" + name;
        }

        var office = actor.Office is null ? null : Parameter(actor.Office, NpgsqlDbType.Text);
        var ownOffice = office is null ? "t.office IS NULL" : $"t.office = {office}";
        List<string> branches = query.Filter switch
        {
            TaskFilter.Mine => [$"t.assignee = {Parameter(actor.UserId, NpgsqlDbType.Text)}"],
            TaskFilter.Office => [ownOffice],

            // Tasks without an office are for the role anywhere.
            _ => roles.SelectMany(role =>
            {
                var candidate = $"t.candidate_role = {Parameter(role, NpgsqlDbType.Text)}";
                return office is null ? new[] { $"{candidate} AND t.office IS NULL" } : [$"{candidate} AND {ownOffice}", $"{candidate} AND t.office IS NULL"];
            }).ToList(),
        };

        var common = new StringBuilder("t.status = 'Open'");
        if (query.ActivityType is not null)
        {
            common.Append($" AND t.activity_type = {Parameter(query.ActivityType, NpgsqlDbType.Text)}");
        }

        if (query.CorrelationId is not null)
        {
            common.Append($" AND t.correlation_id = {Parameter(query.CorrelationId, NpgsqlDbType.Text)}");
        }

        if (query.DueBefore is { } dueBefore)
        {
            common.Append($" AND t.due_date < {Parameter(dueBefore, NpgsqlDbType.Date)}");
        }

        if (query.Overdue)
        {
            common.Append($" AND t.due_date < {Parameter(today, NpgsqlDbType.Date)}");
        }

        switch (query.Assignment)
        {
            case TaskAssignment.Mine:
                common.Append($" AND t.assignee = {Parameter(actor.UserId, NpgsqlDbType.Text)}");
                break;
            case TaskAssignment.Unassigned:
                common.Append(" AND t.assignee IS NULL");
                break;
            case TaskAssignment.MineOrUnassigned:
                common.Append($" AND (t.assignee = {Parameter(actor.UserId, NpgsqlDbType.Text)} OR t.assignee IS NULL)");
                break;
        }

        if (after is not null)
        {
            common.Append($" AND ({SortKey}) {(query.Descending ? "<" : ">")} (COALESCE({Parameter(after.DueDate, NpgsqlDbType.Date)}, 'infinity'::date), "
                + $"{Parameter(after.CreatedAt, NpgsqlDbType.TimestampTz)}, {Parameter(after.Id, NpgsqlDbType.Uuid)})");
        }

        if (branches.Count == 0)
        {
            branches = ["false"];
        }

        var limit = Parameter(take, NpgsqlDbType.Integer);
        var order = query.Descending ? SortKeyDescending : SortKey;
        var selects = branches.Select(branch =>
            $"SELECT t.* FROM workflows.human_tasks AS t WHERE {branch} AND {common} ORDER BY {order} LIMIT {limit}").ToList();
        var sql = selects.Count == 1
            ? selects[0]
            : $"SELECT t.* FROM ({string.Join(" UNION ALL ", selects.Select(s => $"({s})"))}) AS t ORDER BY {order} LIMIT {limit}";
        return (sql, [.. parameters]);
    }
}
