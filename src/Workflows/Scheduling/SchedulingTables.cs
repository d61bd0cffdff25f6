using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class SchedulingTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<TimerLeaseHolder> TimerLeaseHolders => db.Set<TimerLeaseHolder>();
    }
}
