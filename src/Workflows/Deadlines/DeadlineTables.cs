using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class DeadlineTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<DeadlineRule> DeadlineRules => db.Set<DeadlineRule>();
    }
}
