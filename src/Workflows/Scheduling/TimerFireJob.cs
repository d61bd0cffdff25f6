using Hangfire;
using Microsoft.Extensions.Logging;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>Hangfire's job for one timer (or a few). Stale or duplicate runs do nothing; failures are retried by the sweep's lease.</summary>
public sealed class TimerFireJob(WorkflowRuntime runtime, ILogger<TimerFireJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public Task FireAsync(Guid timerId, int version) => runtime.FireTimerAsync(timerId, version);

    /// <summary>Fires each timer on its own; one that fails is left to its lease and does not stop the others.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task FireBatchAsync(ClaimedTimer[] timers)
    {
        foreach (var timer in timers)
        {
            try
            {
                await runtime.FireTimerAsync(timer.Id, timer.Version);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Timer {TimerId} could not be fired; its lease will bring it back.", timer.Id);
            }
        }
    }
}
