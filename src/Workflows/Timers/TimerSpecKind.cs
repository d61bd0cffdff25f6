using NodaTime;

namespace Verkstallighet.Workflows.Timers;

public enum TimerSpecKind
{
    /// <summary>A literal ISO 8601 duration from when the timer starts, or from an anchor date when one is given.</summary>
    Duration,

    /// <summary>A literal ISO 8601 date or date-time.</summary>
    Date,

    /// <summary>An ISO 8601 repeating interval (<c>R3/PT1H</c>).</summary>
    Cycle,

    /// <summary>A deadline rule applied to an anchor date variable.</summary>
    Deadline,
}
