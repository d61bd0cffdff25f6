using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Verkstallighet.Activities.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<VerkstallighetDbContext>
{
    public VerkstallighetDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<VerkstallighetDbContext>();
        VerkstallighetDbContext.Configure(builder, new NpgsqlDataSourceBuilder("Host=localhost;Database=design").UseNodaTime().Build());
        return new VerkstallighetDbContext(builder.Options);
    }
}
