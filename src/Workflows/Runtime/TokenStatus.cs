namespace Verkstallighet.Workflows.Runtime;

internal enum TokenStatus
{
    /// <summary>About to run the element it is at.</summary>
    Active,

    /// <summary>At a task, catch event, event-based gateway or sub-process, waiting for a bookmark or its child scope.</summary>
    Waiting,

    /// <summary>Arrived at a parallel join and waits for the other incoming flows.</summary>
    Joining,

    /// <summary>Failed at its element; waits for a retry.</summary>
    Incident,
}
