using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Clock;

/// <summary>Where the simulated clock is stored, so a restarted Host goes on from it.</summary>
public static class StoredClock
{
    /// <summary>Stores <paramref name="now"/> unless a later time is stored already: the stored clock never goes back.</summary>
    public static Task SaveAsync(WorkflowsDbContext db, Instant now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO workflows.clock_state (id, now) VALUES (1, {now}) ON CONFLICT (id) DO UPDATE SET now = GREATEST(workflows.clock_state.now, EXCLUDED.now)",
            cancellationToken);
}
