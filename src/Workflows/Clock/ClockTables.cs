using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Clock;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class ClockTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<ClockState> ClockState => db.Set<ClockState>();
    }
}
