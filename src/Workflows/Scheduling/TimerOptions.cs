namespace Verkstallighet.Workflows.Scheduling;

public sealed class TimerOptions
{
    /// <summary>How often Hangfire's recurring job sweeps for due timers (cron).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>
    /// How often the recurring job makes the deadline reminders whose day has come (cron). Reminders are by the day; this
    /// bounds how long after midnight (or after a task is opened inside its lead time) one waits.
    /// </summary>
    public string ReminderCron { get; set; } = "*/5 * * * *";

    /// <summary>How many due timers one claim takes; a sweep claims batch after batch until fewer are due.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// How many batches one sweep claims at most; the next sweep takes the rest. The n-th batch's lease is n leases
    /// long, because its jobs wait behind the earlier batches'; this bounds how long a timer claimed by a Host that
    /// then died waits before another sweep takes it (at most this many leases).
    /// </summary>
    public int MaxBatchesPerSweep { get; set; } = 10;

    /// <summary>
    /// How long a claimed timer is left to its fire job before a later sweep may enqueue it again, while the process
    /// that claimed it still beats. The fallback for a fire job lost by a live process; a dead process's leases are
    /// freed after <see cref="HolderTimeout"/>.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each engine process records that it is alive (in database time).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A process that has not beaten for this long is taken for dead: its row is removed and the timers it leased are
    /// claimed again by the next sweep. Several heartbeats long, so a process that is only slow on a busy machine keeps
    /// its leases (and if it loses them, the fire jobs' (id, version) check still fires each timer once).
    /// </summary>
    public TimeSpan HolderTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many deadlines a rule change moves in one transaction (whole instances only). Smaller batches hold row locks
    /// for less time; each batch costs one round trip.
    /// </summary>
    public int DeadlineMoveBatchSize { get; set; } = 5000;

    /// <summary>
    /// How many batches of a rule change are written at once, each on its own connection. The batches hold disjoint
    /// instances, so they never wait for each other; the work is the task table's index upkeep, which one backend
    /// does on one core.
    /// </summary>
    public int DeadlineMoveWriters { get; set; } = 2;

    /// <summary>After this many claims without firing, the timer gets an incident instead of another attempt.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// The most Hangfire fire jobs one claimed batch is spread over. Up to this many due timers, each gets a job of its
    /// own (DESIGN §3); in a burst (every deadline of a day falls due at midnight, or a Host was down) the claimed
    /// timers share this many jobs evenly. Hangfire spends milliseconds of CPU on each job, far more than firing a timer costs, so
    /// one job per timer would cap a burst at Hangfire's own job rate (~230 jobs/s on two cores). 16 jobs keep a few
    /// workers per Host busy and measured ~10 % more timers/s than 64 in tests/Benchmarks. Each timer is still fired,
    /// or found stale, by its own (id, version).
    /// </summary>
    public int FireJobsPerBatch { get; set; } = 16;

    /// <summary>How many timers each fire job carries when <paramref name="claimed"/> timers are due at once.</summary>
    public int TimersPerJob(int claimed)
    {
        var jobs = Math.Max(1, FireJobsPerBatch);
        return Math.Max(1, (claimed + jobs - 1) / jobs);
    }
}
