using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class DefinitionTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<WorkflowDefinition> Definitions => db.Set<WorkflowDefinition>();
    }
}
