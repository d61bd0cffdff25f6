using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Scheduling;

namespace Verkstallighet.Workflows.Tests.Timers;

public sealed class TimerSweeperTests
{
    [Fact]
    public async Task DeadlineTimer_FiresEndToEndThroughHangfire_WhenTheSimulatedClockPassesItsDueDate()
    {
        await using var engine = await TestEngine.StartAsync(hangfire: true);
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var started = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-31", office = "Stockholm" });

        // On the due date itself the deadline is still met.
        engine.Clock.AdvanceTo(Instant.FromUtc(2026, 2, 28, 22, 59));
        var early = await engine.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, early.Claimed);
        Assert.Equal("Draft", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);

        // At the start of 1 March, Stockholm time, it is overdue.
        engine.Clock.AdvanceTo(Instant.FromUtc(2026, 2, 28, 23, 0));
        var summary = await engine.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1, 1, 0), (summary.Claimed, summary.Fired, summary.StillPending));
        Assert.Equal("Escalate", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        var journal = await engine.Instances.JournalAsync(started.InstanceId);
        Assert.Single(journal, j => j.Kind == JournalKinds.TimerFired);
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 23, 0), journal.Single(j => j.Kind == JournalKinds.TimerFired).At);
    }

    [Fact]
    public async Task Sweep_ClaimsOnlyDueTimers_AndATimerOnceWhileItsLeaseRuns()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-based.bpmn");
        var first = await engine.StartAsync("EventBased");
        engine.Clock.AdvanceBy(Duration.FromDays(1));
        await engine.StartAsync("EventBased");

        engine.Clock.AdvanceBy(Duration.FromDays(1) + Duration.FromMinutes(1));
        var claimed = await engine.Sweeper.ClaimAndEnqueueAsync();
        var again = await engine.Sweeper.ClaimAndEnqueueAsync();

        var firstTimer = Assert.Single(await engine.PendingTimersAsync(first.InstanceId));
        Assert.Equal([firstTimer.Id], claimed.Select(c => c.Id));
        Assert.Empty(again);
        await using var db = engine.CreateDbContext();
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%TimerFireJob%'").SingleAsync());
    }

    [Theory]
    [InlineData(50, 12)] // batch after batch until a batch comes back short
    [InlineData(2, 10)] // at most two batches; the next sweep takes the rest
    public async Task Sweep_ClaimsBatchAfterBatch_UpToMaxBatchesPerSweep(int maxBatches, int expected)
    {
        await using var engine = await TestEngine.StartAsync(configure: s => s.Configure<TimerOptions>(o => (o.BatchSize, o.MaxBatchesPerSweep) = (5, maxBatches)));
        await engine.PublishFileAsync("event-based.bpmn");
        for (var i = 0; i < 12; i++)
        {
            await engine.StartAsync("EventBased");
        }

        engine.Clock.AdvanceBy(Duration.FromDays(2));
        var claimed = await engine.Sweeper.ClaimAndEnqueueAsync();
        var rest = await engine.Sweeper.ClaimAndEnqueueAsync();

        Assert.Equal(expected, claimed.Select(c => c.Id).Distinct().Count());
        Assert.Equal(12 - expected, rest.Count);
        // Batches of 5 are fewer than FireJobsPerBatch: every timer got a fire job of its own.
        await using var db = engine.CreateDbContext();
        // A later batch waits behind the earlier ones: the n-th batch's lease is n leases (of 2 minutes) long.
        var claimedIds = claimed.Select(c => c.Id).ToList();
        var leases = await db.Timers.Where(t => claimedIds.Contains(t.Id)).Select(t => t.LockedUntil!.Value).ToListAsync();
        var batches = (expected + 4) / 5;
        Assert.InRange((leases.Max() - leases.Min()).TotalMinutes, 2 * (batches - 1) - 0.5, 2 * (batches - 1) + 0.5);
        Assert.Equal(12, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%TimerFireJob%' AND invocationdata::text NOT LIKE '%FireBatchAsync%'").SingleAsync());
    }

    [Fact]
    public async Task Sweep_TakesOverTheLeasesOfAProcessThatStoppedBeating_WithoutWaitingForTheLeaseToRunOut()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var a = await TestEngine.StartAsync(connectionString: connectionString);
        await using var b = await TestEngine.StartAsync(connectionString: connectionString);
        var due = await StartDueEventBasedInstancesAsync(a, 3);
        b.Clock.AdvanceTo(a.Clock.GetCurrentInstant());
        Assert.Equal(3, (await a.Sweeper.ClaimAndEnqueueAsync()).Count);

        // While a beats, its two-minute leases hold.
        Assert.Empty(await b.Sweeper.ClaimAndEnqueueAsync());

        await StopBeatingAsync(a);
        var taken = await b.Sweeper.ClaimAndEnqueueAsync();

        Assert.Equal(due.Order(), taken.Select(t => t.Id).Order());
        await using var db = b.CreateDbContext();
        var timers = await db.Timers.AsNoTracking().Where(t => due.Contains(t.Id)).ToListAsync();
        Assert.All(timers, t => Assert.Equal(b.Services.GetRequiredService<TimerLeaseHolders>().Self, t.LockedBy));
        Assert.All(timers, t => Assert.Equal(2, t.Attempts));
    }

    [Fact]
    public async Task Sweep_TakesOverTheLeasesOfAProcessWhoseRowWasRemoved()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var a = await TestEngine.StartAsync(connectionString: connectionString);
        await using var b = await TestEngine.StartAsync(connectionString: connectionString);
        var due = await StartDueEventBasedInstancesAsync(a, 2);
        b.Clock.AdvanceTo(a.Clock.GetCurrentInstant());
        Assert.Equal(2, (await a.Sweeper.ClaimAndEnqueueAsync()).Count);

        await a.Services.GetRequiredService<TimerLeaseHolders>().LeaveAsync();

        Assert.Equal(due.Order(), (await b.Sweeper.ClaimAndEnqueueAsync()).Select(t => t.Id).Order());
    }

    [Fact]
    public async Task SweepUntilIdle_CountsDueTimersLeasedByAnotherLiveProcess_AsStillPending()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var a = await TestEngine.StartAsync(connectionString: connectionString);
        await using var b = await TestEngine.StartAsync(connectionString: connectionString);
        await StartDueEventBasedInstancesAsync(a, 3);
        b.Clock.AdvanceTo(a.Clock.GetCurrentInstant());
        // a has no Hangfire server: its fire jobs never run, and it stays alive for as long as it keeps sweeping.
        Assert.Equal(3, (await a.Sweeper.ClaimAndEnqueueAsync()).Count);

        var summary = await b.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(1));

        Assert.Equal((0, 0, 3), (summary.Claimed, summary.Fired, summary.StillPending));
    }

    [Fact]
    public async Task SweepUntilIdle_CountsDueTimersThatRanOutOfAttempts_AsStillPending_WithoutWaitingForThem()
    {
        await using var engine = await TestEngine.StartAsync(configure: s => s.Configure<TimerOptions>(o => o.MaxAttempts = 1));
        await StartDueEventBasedInstancesAsync(engine, 2);
        Assert.Equal(2, (await engine.Sweeper.ClaimAndEnqueueAsync()).Count);
        await ExpireLeasesAsync(engine);

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var summary = await engine.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(20));

        Assert.Equal((0, 0, 2), (summary.Claimed, summary.Fired, summary.StillPending));
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(15), $"It waited {elapsed.Elapsed} for timers that cannot fire.");
    }

    [Fact]
    public async Task RecurringSweep_RunsDespiteAHangfireLockRowLeftByAKilledProcess()
    {
        await using var engine = await TestEngine.StartAsync(hangfire: true, configure: s => s.Configure<TimerOptions>(o => o.SweepCron = Cron.Never()));
        await engine.PublishFileAsync("event-based.bpmn");
        var started = await engine.StartAsync("EventBased");
        // The lock [DisableConcurrentExecution] took on the sweep job: a row in hangfire.lock, left as a killed process
        // leaves it (taken and never released).
        var storage = engine.Services.GetRequiredService<JobStorage>();
        var connection = storage.GetConnection();
        _ = connection.AcquireDistributedLock($"{nameof(TimerSweepJob)}.{nameof(TimerSweepJob.RunAsync)}", TimeSpan.FromSeconds(5));
        connection.Dispose();
        await using (var db = engine.CreateDbContext())
        {
            Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.lock WHERE resource LIKE '%TimerSweepJob%'").SingleAsync());
        }

        engine.Clock.AdvanceBy(Duration.FromDays(3));
        engine.Services.GetRequiredService<IRecurringJobManager>().Trigger(TimerSweepJob.RecurringJobId);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await engine.PendingTimersAsync(started.InstanceId)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
        Assert.Single(await engine.Instances.JournalAsync(started.InstanceId), j => j.Kind == JournalKinds.TimerFired);
    }

    [Fact]
    public async Task TimerThatKeepsFailingToFire_GetsAnIncident_AndRetryingTheIncidentRearmsIt()
    {
        await using var engine = await TestEngine.StartAsync(configure: s => s.Configure<TimerOptions>(o => o.MaxAttempts = 2));
        await engine.PublishFileAsync("event-based.bpmn");
        var started = await engine.StartAsync("EventBased");
        engine.Clock.AdvanceBy(Duration.FromDays(3));

        // No Hangfire server runs here, so the enqueued jobs never fire; let the leases run out twice.
        for (var i = 0; i < 2; i++)
        {
            Assert.Single(await engine.Sweeper.ClaimAndEnqueueAsync());
            await ExpireLeasesAsync(engine);
        }

        Assert.Empty(await engine.Sweeper.ClaimAndEnqueueAsync());
        var incident = Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId));
        Assert.Equal("TwoDays", incident.ElementId);
        Assert.Contains("2 attempts", incident.Message);

        await engine.Runtime.RetryIncidentAsync(incident.Id, Actors.ProcessOwner);
        Assert.Empty(await engine.OpenIncidentsAsync(started.InstanceId));
        Assert.Single(await engine.Sweeper.ClaimAndEnqueueAsync());
    }

    [Fact]
    public async Task StartingTheEngine_DoesNoWorkPerPendingTimer()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var seeding = await TestEngine.StartAsync(connectionString: connectionString))
        {
            await seeding.PublishFileAsync("event-based.bpmn");
            var first = await seeding.StartAsync("EventBased");
            await using var db = seeding.CreateDbContext();
            // Twenty thousand pending timers, none due yet.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO workflows.timers (id, instance_id, definition_id, bookmark_id, element_id, due_at, status, version, attempts, created_at)
                SELECT gen_random_uuid(), t.instance_id, t.definition_id, t.bookmark_id, t.element_id, t.due_at + make_interval(days => 30 + g), 'Pending', 1, 0, t.created_at
                FROM workflows.timers t, generate_series(1, 20000) g WHERE t.instance_id = {0}
                """, first.InstanceId);
        }

        await using var engine = await TestEngine.StartAsync(hangfire: true, connectionString: connectionString);
        await engine.Sweeper.ClaimAndEnqueueAsync();

        await using var check = engine.CreateDbContext();
        Assert.Equal(20001, await check.Timers.CountAsync(t => t.Status == TimerStatus.Pending && t.LockedUntil == null && t.Attempts == 0));
        Assert.Equal(0, await check.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%TimerFireJob%'").SingleAsync());

        // The sweep reads due rows through the partial index on pending timers, not the whole table.
        await check.Database.ExecuteSqlRawAsync("ANALYZE workflows.timers");
        var plan = await check.Database.SqlQuery<string>($"""
            EXPLAIN SELECT p.id FROM workflows.timers AS p
            WHERE p.status = 'Pending' AND p.due_at <= now()
              AND (p.locked_until IS NULL OR p.locked_until < now()
                   OR (p.locked_by IS NOT NULL AND NOT EXISTS (
                       SELECT 1 FROM workflows.timer_lease_holders AS h WHERE h.id = p.locked_by AND h.heartbeat_at >= now() - interval '10 seconds')))
              AND p.attempts < 5
            ORDER BY p.due_at LIMIT 100 FOR UPDATE SKIP LOCKED
            """).ToListAsync();
        Assert.Contains(plan, line => line.Contains("ix_timers_pending_due"));
    }

    /// <summary>Starts instances waiting on their two-day timer, and moves the engine's clock two days on: the timers are due.</summary>
    private static async Task<List<Guid>> StartDueEventBasedInstancesAsync(TestEngine engine, int count)
    {
        await engine.PublishFileAsync("event-based.bpmn");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await engine.StartAsync("EventBased")).InstanceId);
        }

        engine.Clock.AdvanceBy(Duration.FromDays(2));
        await using var db = engine.CreateDbContext();
        var now = engine.Clock.GetCurrentInstant();
        return await db.Timers.Where(t => ids.Contains(t.InstanceId!.Value) && t.Status == TimerStatus.Pending && t.DueAt <= now).Select(t => t.Id).ToListAsync();
    }

    /// <summary>What a killed process leaves: its row, with a heartbeat older than the holder timeout.</summary>
    private static async Task StopBeatingAsync(TestEngine engine)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE workflows.timer_lease_holders SET heartbeat_at = now() - interval '1 minute' WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", engine.Services.GetRequiredService<TimerLeaseHolders>().Self);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task ExpireLeasesAsync(TestEngine engine)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE workflows.timers SET locked_until = now() - interval '1 second' WHERE locked_until IS NOT NULL", connection);
        await command.ExecuteNonQueryAsync();
    }
}
