using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Timers;

/// <summary>
/// The sweep's leases on timers, which only the sweep writes. The runtime asks for one to be released when a timer is
/// armed again (a cycle's next occurrence, a retried incident), so the sweep may claim it afresh without waiting for the
/// lease to run out and without counting the earlier attempts.
/// </summary>
public interface ITimerLeases
{
    Task ReleaseAsync(WorkflowsDbContext db, Guid timerId, CancellationToken cancellationToken);
}
