using NodaTime;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// An engine process that may hold timer leases, with its heartbeat. Both instants are database time (<c>now()</c>), so
/// processes on machines whose clocks disagree, or on the simulated clock, judge each other's liveness alike.
/// </summary>
public sealed class TimerLeaseHolder
{
    public Guid Id { get; set; }

    /// <summary>Where it runs (server name or machine, and process id), for the operator.</summary>
    public required string Name { get; set; }

    public Instant StartedAt { get; set; }

    public Instant HeartbeatAt { get; set; }
}
