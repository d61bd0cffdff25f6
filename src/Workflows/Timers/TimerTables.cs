using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Timers;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class TimerTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<WorkflowTimer> Timers => db.Set<WorkflowTimer>();
    }
}
