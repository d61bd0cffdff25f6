using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Notifications;

/// <summary>The engine's context knows no tables; each feature names its own.</summary>
public static class NotificationTables
{
    extension(WorkflowsDbContext db)
    {
        public DbSet<Notification> Notifications => db.Set<Notification>();
    }
}
