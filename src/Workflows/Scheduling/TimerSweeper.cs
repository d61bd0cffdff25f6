using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// Finds due timers and hands them to Hangfire as fire jobs carrying (timer id, version): one job per timer, or in a
/// burst a bounded number of jobs that share the timers (<see cref="TimerOptions.FireJobsPerBatch"/>). Claims use
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease in database time that names this process, so several Hosts on one database
/// never enqueue the same timer twice while a job for it may still run, and need no lock besides the row locks of the
/// claim itself. A lease is free again when its process stops beating (<see cref="TimerLeaseHolders"/>), or, for a job
/// lost by a live process, when it runs out. Start-up does none of this: the cost of a sweep depends on the timers that
/// are due, not on those pending.
/// </summary>
public sealed class TimerSweeper(
    IDbContextFactory<WorkflowsDbContext> contexts,
    IBackgroundJobClient jobs,
    WorkflowRuntime runtime,
    TimerLeaseHolders holders,
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

        // The leases taken below name this process; it must be a live holder before they exist, or another sweep
        // would take them as abandoned.
        await holders.BeatAsync(cancellationToken);
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

    private Task<List<ClaimedTimer>> ClaimBatchAsync(WorkflowsDbContext db, TimerOptions settings, TimeSpan lease, Instant now, CancellationToken cancellationToken)
    {
        var leaseSeconds = lease.TotalSeconds;
        var holderTimeoutSeconds = settings.HolderTimeout.TotalSeconds;
        // Free: never leased, lease run out, or leased by a process that is gone (its row removed or not beating).
        return db.Database.SqlQuery<ClaimedTimer>($"""
            UPDATE workflows.timers AS t
            SET locked_until = now() + make_interval(secs => {leaseSeconds}), locked_by = {holders.Self}, attempts = t.attempts + 1
            FROM (
                SELECT p.id FROM workflows.timers AS p
                WHERE p.status = 'Pending' AND p.due_at <= {now}
                  AND (p.locked_until IS NULL OR p.locked_until < now()
                       OR (p.locked_by IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM workflows.timer_lease_holders AS h
                           WHERE h.id = p.locked_by AND h.heartbeat_at >= now() - make_interval(secs => {holderTimeoutSeconds}))))
                  AND p.attempts < {settings.MaxAttempts}
                ORDER BY p.due_at
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
    /// Sweeps, waits for the fire jobs of the claimed timers, and sweeps again until no due timer is left that can still
    /// fire (firing can make new timers that are already due; timers leased by another process are waited for, and taken
    /// over once it stops beating), or until <paramref name="maxWait"/> has passed. Used after the simulated clock is
    /// advanced. <see cref="SweepSummary.StillPending"/> counts every due timer that is still Pending at the end.
    /// </summary>
    public async Task<SweepSummary> SweepUntilIdleAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        int claimedTotal = 0, firedTotal = 0;
        var idleWait = 50;
        while (true)
        {
            var claimed = await ClaimAndEnqueueAsync(cancellationToken);
            claimedTotal += claimed.Count;
            var pending = claimed.Count;
            for (var wait = 20; pending > 0 && elapsed.Elapsed < maxWait; wait = Math.Min(wait * 2, 100))
            {
                // Look often at first (a few timers fire in milliseconds), then back off: the fire jobs need the CPU.
                await Task.Delay(wait, cancellationToken);
                pending = await CountStillPendingAsync(claimed, cancellationToken);
            }

            firedTotal += claimed.Count - pending;
            var due = await CountDueAsync(cancellationToken);
            if (due.CanStillFire == 0 || elapsed.Elapsed >= maxWait)
            {
                return new SweepSummary(claimedTotal, firedTotal, due.Pending);
            }

            if (claimed.Count == 0)
            {
                // Due timers that another process holds: give its jobs time, then look again (and take them if it died).
                await Task.Delay(idleWait, cancellationToken);
                idleWait = Math.Min(idleWait * 2, 500);
            }
        }
    }

    /// <summary>Due timers still Pending, and how many of them can still fire (not left idle after their last attempt).</summary>
    private sealed record DueCount(int Pending, int CanStillFire);

    private async Task<DueCount> CountDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.SqlQuery<DueCount>($"""
            SELECT count(*)::int AS "Pending",
                   (count(*) FILTER (WHERE attempts < {options.Value.MaxAttempts} OR locked_until >= now()))::int AS "CanStillFire"
            FROM workflows.timers
            WHERE status = 'Pending' AND due_at <= {now}
            """).SingleAsync(cancellationToken);
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
            .Where(t => !db.Set<Incident>().Any(i => i.TimerId == t.Id && i.ResolvedAt == null))
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
