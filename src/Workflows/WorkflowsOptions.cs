using NodaTime;

namespace Verkstallighet.Workflows;

/// <summary>How the engine is set up in a process: its database, its clock and its Hangfire server.</summary>
public sealed class WorkflowsOptions
{
    public required string ConnectionString { get; set; }

    /// <summary>Run on a simulated clock that only moves when advanced, starting at <see cref="SimulatedClockStart"/>.</summary>
    public bool SimulatedClock { get; set; }

    public Instant? SimulatedClockStart { get; set; }

    /// <summary>Hangfire worker threads for fire jobs on this Host.</summary>
    public int HangfireWorkers { get; set; } = Math.Max(4, Environment.ProcessorCount * 5);

    /// <summary>Run a Hangfire server in this process (a Host that only serves the API may leave it off).</summary>
    public bool RunHangfireServer { get; set; } = true;

    /// <summary>
    /// Drive timers and reminders with Hangfire. A sandbox engine (see <c>Simulation/SandboxEngine</c>) turns it off: it
    /// has no jobs, no recurring sweep and no lease heartbeat, and fires its own timers when its clock is advanced.
    /// </summary>
    public bool UseHangfire { get; set; } = true;

    /// <summary>A name for this engine's Hangfire server, shown on the dashboard.</summary>
    public string? ServerName { get; set; }
}
