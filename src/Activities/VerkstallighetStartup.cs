using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Persistence;

namespace Verkstallighet.Activities;

/// <summary>Migrates the domain's schema at start.</summary>
public sealed class VerkstallighetStartup(IDbContextFactory<VerkstallighetDbContext> contexts)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
