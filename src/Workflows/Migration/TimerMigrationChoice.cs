namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>What a migration does with a pending timer.</summary>
public enum TimerMigrationChoice
{
    /// <summary>It keeps its due time (and due date): the default, since a legal deadline does not move by itself.</summary>
    Keep,

    /// <summary>It is counted again with the target element's timer definition (its rule and anchor, or its duration from when the wait began).</summary>
    Recompute,
}
