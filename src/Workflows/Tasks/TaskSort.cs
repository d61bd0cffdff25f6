namespace Verkstallighet.Workflows.Tasks;

/// <summary>
/// What a task list is sorted by first. Every sort ends with the due date (none last), created and id, so the order is
/// total and a keyset cursor can continue it. Text keys compare with <see cref="TaskListSql.NaturalSort"/>: Swedish
/// letter order, digits as numbers (case 9 before case 10).
/// </summary>
public enum TaskSort
{
    /// <summary>The legal due date, tasks without one last.</summary>
    DueDate,

    /// <summary>The task's title (the activity's name in the workflow).</summary>
    Activity,

    /// <summary>The instance's business key (the case number), tasks without one first.</summary>
    Case,

    /// <summary>Who holds the task: unclaimed first, then by assignee.</summary>
    Status,
}
