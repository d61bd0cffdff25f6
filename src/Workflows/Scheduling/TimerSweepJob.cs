using Hangfire;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>Hangfire's recurring job: one sweep.</summary>
public sealed class TimerSweepJob(TimerSweeper sweeper)
{
    public const string RecurringJobId = "workflow-timer-sweep";

    // No [DisableConcurrentExecution]: its lock is a row that a killed process leaves behind, and every sweep after the
    // crash then failed on it. Concurrent sweeps are safe anyway: each claims other rows (SKIP LOCKED).
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync() => sweeper.ClaimAndEnqueueAsync();
}
