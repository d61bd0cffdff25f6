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

/// <summary>
/// The heartbeat of a running engine (one with hosted services: here, with a Hangfire server). The recurring sweep is
/// set never to run, so whatever fires here was swept by the heartbeat.
/// </summary>
public sealed class TimerLeaseHeartbeatTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ARunningEngine_RegistersItself_BeatsInDatabaseTime_AndLeavesOnAnOrderlyStop()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var engine = await StartRunningEngineAsync(connectionString);
        var self = engine.Services.GetRequiredService<TimerLeaseHolders>().Self;
        try
        {
            await UntilAsync(async () => await HolderAsync(engine, self) is { } h && h.HeartbeatAt > h.StartedAt, "the engine to beat twice");
        }
        finally
        {
            await engine.DisposeAsync();
        }

        await using var check = await TestEngine.StartAsync(connectionString: connectionString);
        Assert.Null(await HolderAsync(check, self));
    }

    [Fact]
    public async Task AnEngine_SweepsAsSoonAsItStarts_SoTimersThatFellDueWhileNoneRanFireWithoutWaitingForTheCronMinute()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        Guid instanceId;
        Instant now;
        await using (var before = await TestEngine.StartAsync(connectionString: connectionString))
        {
            await before.PublishFileAsync("event-based.bpmn");
            instanceId = (await before.StartAsync("EventBased")).InstanceId;
            now = before.Clock.GetCurrentInstant() + Duration.FromDays(3);
        }

        await using var engine = await StartRunningEngineAsync(connectionString, now);

        await UntilAsync(async () => (await engine.PendingTimersAsync(instanceId)).Count == 0, "the due timer to fire");
        Assert.Single(await engine.Instances.JournalAsync(instanceId), j => j.Kind == JournalKinds.TimerFired);
    }

    [Fact]
    public async Task AnEngine_RemovesAProcessThatStoppedBeating_AndFiresTheTimersItHadLeased_WithinSeconds()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var dead = await TestEngine.StartAsync(connectionString: connectionString);
        await dead.PublishFileAsync("event-based.bpmn");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await dead.StartAsync("EventBased")).InstanceId);
        }

        dead.Clock.AdvanceBy(Duration.FromDays(3));
        Assert.Equal(3, (await dead.Sweeper.ClaimAndEnqueueAsync()).Count);
        // Its fire jobs went with it: fetched by its workers, invisible to every other server for minutes.
        await ExecuteAsync(connectionString, "UPDATE hangfire.jobqueue SET fetchedat = now()");

        await using var engine = await StartRunningEngineAsync(connectionString, dead.Clock.GetCurrentInstant());
        await UntilAsync(async () => await HolderAsync(engine, engine.Services.GetRequiredService<TimerLeaseHolders>().Self) is not null, "the engine to register");

        await ExecuteAsync(connectionString, "UPDATE workflows.timer_lease_holders SET heartbeat_at = now() - interval '1 minute' WHERE id = @id",
            dead.Services.GetRequiredService<TimerLeaseHolders>().Self);

        // A sweep may take the timers over before the heartbeat removes the dead row (the claim judges holders by their
        // heartbeat), so the two are awaited together.
        var deadId = dead.Services.GetRequiredService<TimerLeaseHolders>().Self;
        await UntilAsync(
            async () => (await engine.PendingTimersAsync()).Count == 0 && await HolderAsync(engine, deadId) is null,
            "the dead process's timers to fire and its row to be removed");
        foreach (var id in ids)
        {
            Assert.Single(await engine.Instances.JournalAsync(id), j => j.Kind == JournalKinds.TimerFired);
        }
    }

    private static Task<TestEngine> StartRunningEngineAsync(string connectionString, Instant? clockStart = null) =>
        TestEngine.StartAsync(hangfire: true, connectionString: connectionString, clockStart: clockStart,
            configure: s => s.Configure<TimerOptions>(o => o.SweepCron = Cron.Never()));

    private static async Task<TimerLeaseHolder?> HolderAsync(TestEngine engine, Guid id)
    {
        await using var db = engine.CreateDbContext();
        return await db.TimerLeaseHolders.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience} for {what}.");
            await Task.Delay(100);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, Guid? id = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id.Value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
