using NodaTime;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>
/// Which open tasks to list and which page of them. Sorted by <see cref="Sort"/>, then due date (tasks without one last),
/// then created, then id; <see cref="Descending"/> reverses that order exactly (latest due first, and so on).
/// <see cref="After"/> is the <see cref="TaskPage.Next"/> cursor of the previous page, valid only with the same filters.
/// </summary>
public sealed record TaskListQuery(TaskFilter Filter = TaskFilter.Role)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 500;

    /// <summary>With <see cref="TaskFilter.Role"/>: this one of my roles instead of all of them.</summary>
    public string? Role { get; init; }

    public string? ActivityType { get; init; }

    /// <summary>The case (correlation id) the tasks belong to.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Only tasks due before this day (exclusive).</summary>
    public LocalDate? DueBefore { get; init; }

    /// <summary>Only tasks whose due date has passed (today in Europe/Stockholm, by the engine's clock).</summary>
    public bool Overdue { get; init; }

    public TaskAssignment? Assignment { get; init; }

    public TaskSort Sort { get; init; } = TaskSort.DueDate;

    /// <summary>The reverse order, read backwards through the same indexes.</summary>
    public bool Descending { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public string? After { get; init; }

    /// <summary>Everything that selects the tasks (not the page): a cursor is valid only for the list it came from.</summary>
    internal string SelectionKey() => string.Join('\u001f',
        Filter, Role, ActivityType, CorrelationId, DueBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Overdue, Assignment, Sort, Descending);
}
