using Hangfire;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Scheduling;

namespace Verkstallighet.Workflows.Tests.Timers;

/// <summary>Two engines, each with its own Hangfire server, on one database.</summary>
public sealed class TwoEnginesTests
{
    private const int Instances = 60;

    /// <summary>
    /// Both engines claim in small batches, taking turns, while every instance's row is locked so that no fire job can
    /// finish. Then every lease runs out and both engines, at once, claim every timer again: each timer has two fire jobs
    /// for the same (id, version). Once the rows are free, exactly one of them fires it and the other does nothing.
    /// </summary>
    [Fact]
    public async Task TwoEnginesOnOneDatabase_FireEachDueTimerExactlyOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        Action<IServiceCollection> smallBatches = s => s.Configure<TimerOptions>(o => (o.BatchSize, o.MaxBatchesPerSweep, o.SweepCron) = (5, 1, Cron.Never()));
        await using var a = await TestEngine.StartAsync(hangfire: true, connectionString: connectionString, serverName: "engine-a", configure: smallBatches);
        await using var b = await TestEngine.StartAsync(hangfire: true, connectionString: connectionString, serverName: "engine-b", configure: smallBatches);
        await a.PublishFileAsync("boundary-timer.bpmn");
        var ids = new List<Guid>();
        for (var i = 0; i < Instances; i++)
        {
            var engine = i % 2 == 0 ? a : b;
            ids.Add((await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-31", office = "Stockholm" })).InstanceId);
        }

        var overdue = Instant.FromUtc(2026, 3, 1, 0, 0);
        a.Clock.AdvanceTo(overdue);
        b.Clock.AdvanceTo(overdue);
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var lockRows = new NpgsqlCommand("SELECT id FROM workflows.instances WHERE id = ANY(@ids) FOR UPDATE", blocker, blocking))
        {
            lockRows.Parameters.AddWithValue("ids", ids.ToArray());
            await lockRows.ExecuteNonQueryAsync();
        }

        // Taking turns, batch by batch: both engines claim.
        var (claimedByA, claimedByB) = (0, 0);
        while (true)
        {
            var byA = (await a.Sweeper.ClaimAndEnqueueAsync()).Count;
            var byB = (await b.Sweeper.ClaimAndEnqueueAsync()).Count;
            (claimedByA, claimedByB) = (claimedByA + byA, claimedByB + byB);
            if (byA + byB == 0)
            {
                break;
            }
        }

        Assert.Equal(Instances, claimedByA + claimedByB);
        Assert.True(claimedByA > 0 && claimedByB > 0, $"engine a claimed {claimedByA}, engine b {claimedByB}");

        // The fire jobs are held up at the instance rows (before they touch their timers), so the leases run out first.
        Assert.Equal(Instances, await ExecuteAsync(connectionString, "UPDATE workflows.timers SET locked_until = now() - interval '1 second' WHERE status = 'Pending'"));
        var again = await Task.WhenAll(ClaimUntilNoneAsync(a), ClaimUntilNoneAsync(b));
        Assert.Equal(Instances, again.Sum());

        await blocking.RollbackAsync();
        await using var db = a.CreateDbContext();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await FireJobCountAsync(db, succeeded: false) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(2 * Instances, await FireJobCountAsync(db, succeeded: true));
        Assert.Equal(Instances, await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired));
        Assert.Equal(Instances, await db.Journal.CountAsync(j => j.Kind == JournalKinds.TimerFired));
        foreach (var id in ids)
        {
            Assert.Equal("Escalate", Assert.Single(await a.OpenTasksAsync(id)).ElementId);
            Assert.Single(await a.Instances.JournalAsync(id), j => j.Kind == JournalKinds.TimerFired);
        }
    }

    private static async Task<int> ClaimUntilNoneAsync(TestEngine engine)
    {
        var total = 0;
        int claimed;
        do
        {
            claimed = (await engine.Sweeper.ClaimAndEnqueueAsync()).Count;
            total += claimed;
        }
        while (claimed > 0);

        return total;
    }

    [Fact]
    public async Task ABurstOfDueTimers_SharesABoundedNumberOfFireJobs_AndEachTimerFiresExactlyOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var a = await TestEngine.StartAsync(hangfire: true, connectionString: connectionString, configure: s => s.Configure<TimerOptions>(o => o.FireJobsPerBatch = 7));
        await a.PublishFileAsync("boundary-timer.bpmn");
        for (var i = 0; i < Instances; i++)
        {
            await a.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        }

        a.Clock.AdvanceTo(Instant.FromUtc(2026, 3, 1, 0, 0));
        var sweep = await a.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((Instances, Instances), (sweep.Claimed, sweep.Fired));
        await using var db = a.CreateDbContext();
        Assert.Equal(Instances, await db.Journal.CountAsync(j => j.Kind == JournalKinds.TimerFired));
        // 60 due timers over at most 7 jobs: 9 to a job, so 7 jobs (the last with 6).
        Assert.Equal(7, await FireJobCountAsync(db));
    }

    [Fact]
    public async Task TwoEnginesOnOneDatabase_CompleteEachTaskExactlyOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var a = await TestEngine.StartAsync(connectionString: connectionString);
        await using var b = await TestEngine.StartAsync(connectionString: connectionString);
        await a.PublishFileAsync("user-task.bpmn");
        var tasks = new List<HumanTask>();
        for (var i = 0; i < Instances; i++)
        {
            var started = await a.StartAsync("UserTask", new { office = "Stockholm" });
            tasks.Add(Assert.Single(await a.OpenTasksAsync(started.InstanceId)));
        }

        // Every task is completed from both engines at once.
        var attempts = tasks.SelectMany(t => new[] { a, b }.Select(engine => Outcome(() => engine.CompleteAsync(t, new { outcome = "Godkänd" }))));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(Instances, outcomes.Count(o => o == "ok"));
        Assert.Equal(Instances, outcomes.Count(o => o == nameof(ConflictException)));
        await using var db = a.CreateDbContext();
        Assert.Equal(Instances, await db.Journal.CountAsync(j => j.Kind == JournalKinds.TaskCompleted));
        Assert.Equal(Instances, await db.Tasks.CountAsync(t => t.Status == HumanTaskStatus.Completed));
    }

    private static async Task<string> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return "ok";
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }

    private static Task<int> FireJobCountAsync(WorkflowsDbContext db) =>
        db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%TimerFireJob%'").SingleAsync();

    private static Task<int> FireJobCountAsync(WorkflowsDbContext db, bool succeeded) =>
        db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%TimerFireJob%' AND (statename = 'Succeeded') = {succeeded}").SingleAsync();

    private static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
