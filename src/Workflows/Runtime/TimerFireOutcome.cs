namespace Verkstallighet.Workflows.Runtime;

/// <summary>How a fire job ended: the timer fired, or it was stale (already fired, cancelled or rescheduled).</summary>
public enum TimerFireOutcome
{
    Fired,
    Stale,
}
