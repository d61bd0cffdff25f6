using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class TaskTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<HumanTask> Tasks => db.Set<HumanTask>();
    }
}
