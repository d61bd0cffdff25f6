using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Notifications;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// Moves the simulated clock and fires, at once, every timer that became due: the time is stored first and then moved,
/// so a failed save leaves both where they were and the stored clock is never behind; then the sweep runs until idle,
/// and the reminders whose day the advance reached are made (after the sweep, so a deadline it made overdue gets none).
/// </summary>
public sealed class ClockAdvance(SimulatedClock clock, TimerSweeper sweeper, DeadlineReminders reminders, IDbContextFactory<WorkflowsDbContext> contexts)
{
    /// <summary>How long an advance waits for the timers it made due.</summary>
    public static readonly TimeSpan SweepBudget = TimeSpan.FromSeconds(30);

    public async Task<ClockAdvanceResult> ToAsync(Instant target, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await StoredClock.SaveAsync(db, target, cancellationToken);
        }

        Instant now;
        try
        {
            now = clock.AdvanceTo(target);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ConflictException("Another advance moved the clock past that time at the same moment; read the clock and try again.");
        }

        var sweep = await sweeper.SweepUntilIdleAsync(SweepBudget, cancellationToken);
        return new ClockAdvanceResult(now, sweep, await reminders.CreateDueAsync(cancellationToken));
    }
}
