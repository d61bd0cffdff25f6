using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Verkstallighet.Host.Security.Sessions;

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
internal sealed class DesignTimeDataProtectionKeysDbContextFactory : IDesignTimeDbContextFactory<DataProtectionKeysDbContext>
{
    public DataProtectionKeysDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DataProtectionKeysDbContext>();
        DataProtectionKeysDbContext.Configure(builder, new NpgsqlDataSourceBuilder("Host=localhost;Database=design").Build());
        return new DataProtectionKeysDbContext(builder.Options);
    }
}
