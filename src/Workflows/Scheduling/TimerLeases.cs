using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>The sweep's side of <see cref="ITimerLeases"/>: the lease columns are written here and in the sweep's claim, nowhere else.</summary>
public sealed class TimerLeases : ITimerLeases
{
    public Task ReleaseAsync(WorkflowsDbContext db, Guid timerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE workflows.timers SET locked_until = NULL, locked_by = NULL, attempts = 0, last_error = NULL WHERE id = {timerId}",
            cancellationToken);
}
