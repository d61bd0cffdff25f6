namespace Verkstallighet.Workflows.Tasks;

/// <summary>Where an open task stands against its due date, on the day it is read.</summary>
public enum TaskDueStatus
{
    /// <summary>The task has no due date.</summary>
    None,

    /// <summary>Due later, before its rule's reminder day (or its rule has no reminder lead time).</summary>
    Upcoming,

    /// <summary>Its rule's reminder day has come and the due date has not passed.</summary>
    DueSoon,

    /// <summary>The due date has passed: done on the due date is in time, so overdue starts the day after.</summary>
    Overdue,
}
