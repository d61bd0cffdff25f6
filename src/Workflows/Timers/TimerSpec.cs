using NodaTime;

namespace Verkstallighet.Workflows.Timers;

/// <summary>When a timer is due. Parsed and checked at validation time; computed at run time.</summary>
public sealed record TimerSpec(
    TimerSpecKind Kind,
    string Text,
    Period? Period = null,
    string? AnchorVariable = null,
    string? DeadlineRule = null,
    int? Repetitions = null,
    Instant? CycleStart = null);
