using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Notifications;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Scheduling;

namespace Verkstallighet.Workflows.Hosting;

/// <summary>
/// What the engine does once at start: migrate, seed the shipped deadline rules, restore the simulated clock, and
/// (re-)register the recurring timer sweep and deadline reminders, which Hangfire disables after repeated scheduling failures. None of it
/// depends on how many timers are pending.
/// </summary>
public sealed class WorkflowsStartup(
    IDbContextFactory<WorkflowsDbContext> contexts,
    DeadlineRuleSeeder ruleSeeder,
    IRecurringJobManager recurringJobs,
    IOptions<TimerOptions> timerOptions,
    IServiceProvider services,
    ILogger<WorkflowsStartup> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var seeded = await ruleSeeder.SeedAsync(cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {Count} deadline rule(s).", seeded);
        }

        if (services.GetService(typeof(SimulatedClock)) is SimulatedClock clock)
        {
            await RestoreSimulatedClockAsync(clock, cancellationToken);
        }

        recurringJobs.AddOrUpdate<TimerSweepJob>(TimerSweepJob.RecurringJobId, job => job.RunAsync(), timerOptions.Value.SweepCron);
        recurringJobs.AddOrUpdate<DeadlineReminderJob>(DeadlineReminderJob.RecurringJobId, job => job.RunAsync(), timerOptions.Value.ReminderCron);
    }

    /// <summary>A restarted Host continues from where its simulated clock was, so time never runs backwards.</summary>
    private async Task RestoreSimulatedClockAsync(SimulatedClock clock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.ClockState.AsNoTracking().FirstOrDefaultAsync(c => c.Id == 1, cancellationToken);
        if (saved is not null && !SimulatedClock.IsUsable(saved.Now))
        {
            throw new StoredClockUnusableException(
                $"The stored simulated clock ({saved.Now}) lies outside what it can show ({SimulatedClock.Earliest} to {SimulatedClock.Latest}). " +
                "Reset it in the database with: DELETE FROM workflows.clock_state; (the clock then starts at Clock:Start, or now).");
        }

        if (saved is not null && saved.Now > clock.GetCurrentInstant())
        {
            clock.AdvanceTo(saved.Now);
        }
    }
}
