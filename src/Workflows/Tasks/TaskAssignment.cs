namespace Verkstallighet.Workflows.Tasks;

/// <summary>Narrows a task list by who holds the task.</summary>
public enum TaskAssignment
{
    /// <summary>Claimed by me.</summary>
    Mine,

    /// <summary>Claimed by nobody.</summary>
    Unassigned,

    /// <summary>Claimed by me or by nobody: the inbox's own view, leaving out what colleagues hold.</summary>
    MineOrUnassigned,
}
