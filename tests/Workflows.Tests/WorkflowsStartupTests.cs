using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests;

public sealed class WorkflowsStartupTests
{
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
