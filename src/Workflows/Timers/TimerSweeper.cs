using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Timers;

/// <summary>A timer the sweep claimed and enqueued a fire job for.</summary>
public sealed record ClaimedTimer(Guid Id, int Version);

public sealed record SweepSummary(int Claimed, int Fired, int StillPending);

/// <summary>
/// Finds due timers and hands them to Hangfire as fire jobs carrying (timer id, version): one job per timer, or in a
/// burst a bounded number of jobs that share the timers (<see cref="TimerOptions.FireJobsPerBatch"/>). Claims use
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease in database time, so several Hosts on one database never enqueue the
/// same timer twice while a job for it may still run; a job that was lost is enqueued again when its lease ends.
/// Start-up does none of this: the cost of a sweep depends on the timers that are due, not on those pending.
/// </summary>
public sealed class TimerSweeper(
    IDbContextFactory<WorkflowsDbContext> contexts,
    IBackgroundJobClient jobs,
    WorkflowRuntime runtime,
    IClock clock,
    IOptions<TimerOptions> options,
    ILogger<TimerSweeper> logger)
{
    /// <summary>
    /// Claims every due timer, a batch at a time, and enqueues fire jobs for each batch as soon as it is claimed, so
    /// the workers start firing while later batches are still being claimed. A burst is drained in one sweep, not a
    /// batch per recurring run.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedTimer>> ClaimAndEnqueueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetCurrentInstant();
        var claimed = new List<ClaimedTimer>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            for (var round = 0; round < settings.MaxBatchesPerSweep; round++)
            {
                // A later batch's jobs queue behind the earlier ones, so its lease is as many leases long: a timer is
                // not claimed again (and counted as a failed attempt) only because its job is still waiting its turn.
                var batch = await ClaimBatchAsync(db, settings, settings.Lease * (round + 1), now, cancellationToken);
                Enqueue(batch, settings);
                claimed.AddRange(batch);
                if (batch.Count < settings.BatchSize)
                {
                    break;
                }
            }

            await RaiseIncidentsForExhaustedAsync(db, now, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            logger.LogInformation("Timer sweep enqueued {Count} due timer(s).", claimed.Count);
        }

        return claimed;
    }

    private static Task<List<ClaimedTimer>> ClaimBatchAsync(WorkflowsDbContext db, TimerOptions settings, TimeSpan lease, Instant now, CancellationToken cancellationToken)
    {
        var leaseSeconds = lease.TotalSeconds;
        return db.Database.SqlQuery<ClaimedTimer>($"""
            UPDATE workflows.timers AS t
            SET locked_until = now() + make_interval(secs => {leaseSeconds}), attempts = t.attempts + 1
            FROM (
                SELECT id FROM workflows.timers
                WHERE status = 'Pending' AND due_at <= {now}
                  AND (locked_until IS NULL OR locked_until < now())
                  AND attempts < {settings.MaxAttempts}
                ORDER BY due_at
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED) AS due
            WHERE t.id = due.id
            RETURNING t.id AS "Id", t.version AS "Version"
            """).ToListAsync(cancellationToken);
    }

    private void Enqueue(List<ClaimedTimer> claimed, TimerOptions settings)
    {
        foreach (var batch in claimed.Chunk(settings.TimersPerJob(claimed.Count)))
        {
            if (batch.Length == 1)
            {
                var timer = batch[0];
                jobs.Enqueue<TimerFireJob>(job => job.FireAsync(timer.Id, timer.Version));
            }
            else
            {
                jobs.Enqueue<TimerFireJob>(job => job.FireBatchAsync(batch));
            }
        }
    }

    /// <summary>
    /// Sweeps, waits for the fire jobs of the claimed timers, and sweeps again until nothing is due (firing can make
    /// new timers that are already due). Used after the simulated clock is advanced.
    /// </summary>
    public async Task<SweepSummary> SweepUntilIdleAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + maxWait;
        int claimedTotal = 0, firedTotal = 0;
        for (var round = 0; round < 50; round++)
        {
            var claimed = await ClaimAndEnqueueAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                return new SweepSummary(claimedTotal, firedTotal, 0);
            }

            claimedTotal += claimed.Count;
            var pending = claimed.Count;
            for (var wait = 20; pending > 0 && DateTime.UtcNow < deadline; wait = Math.Min(wait * 2, 100))
            {
                // Look often at first (a few timers fire in milliseconds), then back off: the fire jobs need the CPU.
                await Task.Delay(wait, cancellationToken);
                pending = await CountStillPendingAsync(claimed, cancellationToken);
            }

            firedTotal += claimed.Count - pending;
            if (pending > 0)
            {
                return new SweepSummary(claimedTotal, firedTotal, pending);
            }
        }

        return new SweepSummary(claimedTotal, firedTotal, 0);
    }

    private async Task<int> CountStillPendingAsync(IReadOnlyList<ClaimedTimer> claimed, CancellationToken cancellationToken)
    {
        // Two array parameters, however many timers were claimed: a list of ids in a LINQ Contains would become one
        // parameter per id, a new statement for every size and thousands of parameters for PostgreSQL to parse.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = claimed.Select(c => c.Id).ToArray();
        var versions = claimed.Select(c => c.Version).ToArray();
        return await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value"
            FROM workflows.timers AS t
            JOIN unnest({ids}, {versions}) AS c(id, version) ON t.id = c.id
            WHERE t.status = 'Pending' AND t.version = c.version
            """).SingleAsync(cancellationToken);
    }

    private async Task RaiseIncidentsForExhaustedAsync(WorkflowsDbContext db, Instant now, CancellationToken cancellationToken)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var exhausted = await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now && t.Attempts >= maxAttempts && t.InstanceId != null)
            .Where(t => !db.Incidents.Any(i => i.TimerId == t.Id && i.ResolvedAt == null))
            .OrderBy(t => t.DueAt)
            .Select(t => t.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var timerId in exhausted)
        {
            await runtime.RaiseTimerIncidentAsync(timerId, $"The timer could not be fired after {maxAttempts} attempts.", cancellationToken);
        }
    }
}

/// <summary>Hangfire's recurring job: one sweep.</summary>
public sealed class TimerSweepJob(TimerSweeper sweeper)
{
    public const string RecurringJobId = "workflow-timer-sweep";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync() => sweeper.ClaimAndEnqueueAsync();
}

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
