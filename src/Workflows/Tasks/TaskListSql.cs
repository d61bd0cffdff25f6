using System.Text;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>
/// The SQL of one page of open tasks. Every branch (one per office, or per role and office) reads a partial index on open
/// tasks in sort order and stops at the page size; several branches are merged and cut again. Tasks without a due date
/// sort last as <c>COALESCE(due_date, 'infinity')</c>, the expression the indexes hold, so a keyset row comparison works;
/// a sort by text leads with that text under <see cref="NaturalSort"/>, as its indexes do. The descending order reverses
/// every key, so the same indexes serve it read backwards.
/// </summary>
public static class TaskListSql
{
    /// <summary>
    /// The ICU collation text keys sort by: Swedish (å, ä, ö last) with digits compared as numbers. Created by the
    /// migration InboxSortByActivityCaseAndStatus, which also builds the indexes on the same expressions.
    /// </summary>
    public const string NaturalSort = "workflows.natural_sort";

    private static readonly string[] DueKeys = ["COALESCE(t.due_date, 'infinity'::date)", "t.created_at", "t.id"];

    /// <summary>The leading text key of a sort, as the indexes hold it; null for the due-date sort.</summary>
    public static string? TextKey(TaskSort sort) => sort switch
    {
        TaskSort.Activity => $"(t.title COLLATE {NaturalSort})",
        TaskSort.Case => $"(COALESCE(t.business_key, '') COLLATE {NaturalSort})",
        TaskSort.Status => $"(COALESCE(t.assignee, '') COLLATE {NaturalSort})",
        _ => null,
    };

    /// <summary>The value of <see cref="TextKey"/> for one task, for the cursor after it.</summary>
    public static string? TextKeyOf(HumanTask task, TaskSort sort) => sort switch
    {
        TaskSort.Activity => task.Title,
        TaskSort.Case => task.BusinessKey ?? "",
        TaskSort.Status => task.Assignee ?? "",
        _ => null,
    };

    private static string[] Keys(TaskSort sort) => TextKey(sort) is { } text ? [text, .. DueKeys] : DueKeys;

    /// <summary>The sort's keys as a row, for the keyset comparison.</summary>
    public static string SortKey(TaskSort sort) => string.Join(", ", Keys(sort));

    private static string Order(TaskSort sort, bool descending) =>
        descending ? string.Join(", ", Keys(sort).Select(key => key + " DESC")) : SortKey(sort);

    /// <param name="roles">With <see cref="TaskFilter.Role"/>: the roles whose tasks are listed.</param>
    /// <param name="take">Rows to read: the page size plus one, which tells whether a next page exists.</param>
    public static (string Sql, NpgsqlParameter[] Parameters) Build(
        TaskListQuery query, Actor actor, IReadOnlyList<string> roles, LocalDate today, TaskCursor? after, int take)
    {
        var parameters = new SqlParameterList();
        var branches = Branches(query.Filter, actor, roles, parameters);
        var common = Conditions(query, actor, today, parameters);
        if (after is not null)
        {
            common.Append(AfterCursor(query, after, parameters));
        }

        if (branches.Count == 0)
        {
            branches = ["false"];
        }

        var limit = parameters.Add(take, NpgsqlDbType.Integer);
        var order = Order(query.Sort, query.Descending);
        var selects = branches.Select(branch =>
            $"SELECT t.* FROM workflows.human_tasks AS t WHERE {branch} AND {common} ORDER BY {order} LIMIT {limit}").ToList();
        var sql = selects.Count == 1
            ? selects[0]
            : $"SELECT t.* FROM ({string.Join(" UNION ALL ", selects.Select(s => $"({s})"))}) AS t ORDER BY {order} LIMIT {limit}";
        return (sql, parameters.ToArray());
    }

    /// <summary>The condition of each branch: whose tasks the filter lists.</summary>
    private static List<string> Branches(TaskFilter filter, Actor actor, IReadOnlyList<string> roles, SqlParameterList parameters)
    {
        var office = actor.Office is null ? null : parameters.Add(actor.Office, NpgsqlDbType.Text);
        var ownOffice = office is null ? "t.office IS NULL" : $"t.office = {office}";
        return filter switch
        {
            TaskFilter.Mine => [$"t.assignee = {parameters.Add(actor.UserId, NpgsqlDbType.Text)}"],
            TaskFilter.Office => [ownOffice],

            // Tasks without an office are for the role anywhere.
            _ => roles.SelectMany(role =>
            {
                var candidate = $"t.candidate_role = {parameters.Add(role, NpgsqlDbType.Text)}";
                return office is null ? new[] { $"{candidate} AND t.office IS NULL" } : [$"{candidate} AND {ownOffice}", $"{candidate} AND t.office IS NULL"];
            }).ToList(),
        };
    }

    /// <summary>The conditions every branch shares: open, and the query's narrowing.</summary>
    private static StringBuilder Conditions(TaskListQuery query, Actor actor, LocalDate today, SqlParameterList parameters)
    {
        var common = new StringBuilder("t.status = 'Open'");
        if (query.ActivityType is not null)
        {
            common.Append($" AND t.activity_type = {parameters.Add(query.ActivityType, NpgsqlDbType.Text)}");
        }

        if (query.CorrelationId is not null)
        {
            common.Append($" AND t.correlation_id = {parameters.Add(query.CorrelationId, NpgsqlDbType.Text)}");
        }

        if (query.DueBefore is { } dueBefore)
        {
            common.Append($" AND t.due_date < {parameters.Add(dueBefore, NpgsqlDbType.Date)}");
        }

        if (query.Overdue)
        {
            common.Append($" AND t.due_date < {parameters.Add(today, NpgsqlDbType.Date)}");
        }

        common.Append(query.Assignment switch
        {
            TaskAssignment.Mine => $" AND t.assignee = {parameters.Add(actor.UserId, NpgsqlDbType.Text)}",
            TaskAssignment.Unassigned => " AND t.assignee IS NULL",
            TaskAssignment.MineOrUnassigned => $" AND (t.assignee = {parameters.Add(actor.UserId, NpgsqlDbType.Text)} OR t.assignee IS NULL)",
            _ => "",
        });
        return common;
    }

    /// <summary>The keyset condition: only tasks after the cursor in the sort's order.</summary>
    private static string AfterCursor(TaskListQuery query, TaskCursor after, SqlParameterList parameters)
    {
        var text = TextKey(query.Sort) is null ? "" : $"({parameters.Add(after.TextKey ?? "", NpgsqlDbType.Text)} COLLATE {NaturalSort}), ";
        return $" AND ({SortKey(query.Sort)}) {(query.Descending ? "<" : ">")} ({text}COALESCE({parameters.Add(after.DueDate, NpgsqlDbType.Date)}, 'infinity'::date), "
            + $"{parameters.Add(after.CreatedAt, NpgsqlDbType.TimestampTz)}, {parameters.Add(after.Id, NpgsqlDbType.Uuid)})";
    }
}
