using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests.Timers;

/// <summary>Two engines, each with its own Hangfire server, on one database.</summary>
public sealed class TwoEnginesTests
{
    private const int Instances = 60;

    [Fact]
    public async Task TwoEnginesOnOneDatabase_FireEachDueTimerExactlyOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var a = await TestEngine.StartAsync(hangfire: true, connectionString: connectionString, serverName: "engine-a");
        await using var b = await TestEngine.StartAsync(hangfire: true, connectionString: connectionString, serverName: "engine-b");
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
        var sweeps = await Task.WhenAll(
            a.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(60)),
            b.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(60)));

        await using var db = a.CreateDbContext();
        var jobs = await db.Database.SqlQuery<string>($"SELECT j.statename || ' ' || coalesce(left(st.data::text, 900),'') AS \"Value\" FROM hangfire.job j LEFT JOIN hangfire.state st ON st.id = j.stateid WHERE j.statename <> 'Succeeded'").ToListAsync();
        var fired = await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired);
        Assert.True(fired == Instances, $"{fired} fired; sweeps {string.Join(",", sweeps.Select(s => s.ToString()))}; jobs: {string.Join("\n", jobs.Take(5))}");
        Assert.Equal(Instances, sweeps.Sum(s => s.Claimed));
        Assert.Equal(Instances, await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired));
        Assert.Equal(Instances, await db.Journal.CountAsync(j => j.Kind == JournalKinds.TimerFired));
        foreach (var id in ids)
        {
            Assert.Equal("Escalate", Assert.Single(await a.OpenTasksAsync(id)).ElementId);
        }
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
}
