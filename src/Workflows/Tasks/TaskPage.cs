namespace Verkstallighet.Workflows.Tasks;

/// <summary>
/// One page of a task list; <see cref="Next"/> is the cursor of the following page, null on the last one.
/// <see cref="DueStatuses"/> holds each listed task's due status by its id.
/// </summary>
public sealed record TaskPage(IReadOnlyList<HumanTask> Items, string? Next, IReadOnlyDictionary<Guid, TaskDueStatus> DueStatuses)
{
    public TaskDueStatus DueStatusOf(HumanTask task) => DueStatuses.GetValueOrDefault(task.Id);
}
