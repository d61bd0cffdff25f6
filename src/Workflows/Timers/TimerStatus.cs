namespace Verkstallighet.Workflows.Timers;

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}
