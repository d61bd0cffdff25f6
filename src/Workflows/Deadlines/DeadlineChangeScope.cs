namespace Verkstallighet.Workflows.Deadlines;

/// <summary>Which deadlines a new rule version reaches.</summary>
public enum DeadlineChangeScope
{
    /// <summary>Only deadlines made from now on; pending ones keep their due dates.</summary>
    NewOnly,

    /// <summary>
    /// Pending deadlines too, each recomputed from its own anchor with the version in effect on that anchor date: an
    /// anchor before the effective date keeps the old period, as transition provisions usually say.
    /// </summary>
    Pending,

    /// <summary>Every pending deadline with the newest version, whatever its anchor (a transition provision that says so).</summary>
    AllPending,
}
