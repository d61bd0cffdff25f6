using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Journal;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class JournalTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<JournalEntry> Journal => db.Set<JournalEntry>();
    }
}
