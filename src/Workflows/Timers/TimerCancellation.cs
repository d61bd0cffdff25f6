namespace Verkstallighet.Workflows.Timers;

/// <summary>Why a timer was cancelled. For a deadline on an activity, <see cref="ActivityCompleted"/> means it was met.</summary>
public enum TimerCancellation
{
    /// <summary>The activity it was attached to completed first.</summary>
    ActivityCompleted,

    /// <summary>Its activity or scope was interrupted, or another event of an event-based gateway won.</summary>
    Interrupted,

    /// <summary>The scope or instance it belonged to ended.</summary>
    ScopeEnded,

    /// <summary>Someone waived it for a reason (särskilda skäl).</summary>
    Waived,

    /// <summary>A newer definition version replaced its start timer, or its definition was retired.</summary>
    Replaced,

    /// <summary>A migration to another version of its workflow dropped the event it belonged to.</summary>
    Migrated,
}
