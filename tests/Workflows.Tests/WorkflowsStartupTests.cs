using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Hosting;
using Verkstallighet.Workflows.Scheduling;

namespace Verkstallighet.Workflows.Tests;

public sealed class WorkflowsStartupTests
{
    [Fact]
    public async Task Initialize_RestoresTheStoredSimulatedClock_SoTimeNeverRunsBackwards()
    {
        string connectionString;
        await using (var first = await TestEngine.StartAsync())
        {
            connectionString = first.ConnectionString;
            await using var db = first.CreateDbContext();
            await WorkflowsStartup.SaveSimulatedClockAsync(db, Instant.FromUtc(2027, 5, 1, 0, 0), CancellationToken.None);
        }

        await using var restarted = await TestEngine.StartAsync(connectionString: connectionString);

        Assert.Equal(Instant.FromUtc(2027, 5, 1, 0, 0), restarted.Clock.GetCurrentInstant());
    }

    [Fact]
    public async Task Initialize_StopsWithHowToReset_WhenTheStoredClockCannotBeUsed()
    {
        string connectionString;
        await using (var first = await TestEngine.StartAsync())
        {
            connectionString = first.ConnectionString;
            await using var db = first.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO workflows.clock_state (id, now) VALUES (1, '9999-12-31T23:59:59Z')");
        }

        var refused = await Assert.ThrowsAsync<StoredClockUnusableException>(() => TestEngine.StartAsync(connectionString: connectionString));

        Assert.Contains("DELETE FROM workflows.clock_state", refused.Message);
    }

    [Fact]
    public async Task EveryStart_RegistersTheRecurringSweepAgain_WithTheConfiguredCron()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var first = await TestEngine.StartAsync(connectionString: connectionString))
        {
            // Gone, as after Hangfire gave up on it.
            first.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(TimerSweepJob.RecurringJobId);
            Assert.DoesNotContain(RecurringJobs(first), j => j.Id == TimerSweepJob.RecurringJobId);
        }

        await using var restarted = await TestEngine.StartAsync(connectionString: connectionString, configure: s => s.Configure<TimerOptions>(o => o.SweepCron = "*/5 * * * *"));

        Assert.Equal("*/5 * * * *", Assert.Single(RecurringJobs(restarted), j => j.Id == TimerSweepJob.RecurringJobId).Cron);
    }

    private static List<RecurringJobDto> RecurringJobs(TestEngine engine)
    {
        using var connection = engine.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }
}
