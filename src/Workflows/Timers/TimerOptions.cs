namespace Verkstallighet.Workflows.Timers;

public sealed class TimerOptions
{
    /// <summary>How often Hangfire's recurring job sweeps for due timers (cron).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>How many due timers one sweep claims at most.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>How long a claimed timer is left to its fire job before a later sweep may enqueue it again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many claims without firing, the timer gets an incident instead of another attempt.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// How many due timers one Hangfire fire job carries. 1 (the default, as DESIGN §3 has it) is one job per timer.
    /// More spreads Hangfire's own per-job cost over several timers; each timer is still fired, or found stale, by its
    /// own (id, version).
    /// </summary>
    public int TimersPerJob { get; set; } = 1;
}
