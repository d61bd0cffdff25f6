using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class RuntimeTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<WorkflowInstance> Instances => db.Set<WorkflowInstance>();

        public DbSet<Bookmark> Bookmarks => db.Set<Bookmark>();

        public DbSet<Incident> Incidents => db.Set<Incident>();
    }
}
