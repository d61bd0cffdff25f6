namespace Verkstallighet.Workflows.Tasks;

/// <summary>One page of a task list; <see cref="Next"/> is the cursor of the following page, null on the last one.</summary>
public sealed record TaskPage(IReadOnlyList<HumanTask> Items, string? Next);
