using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowsDbContext>
{
    public WorkflowsDbContext CreateDbContext(string[] args)
    {
        var dataSource = new NpgsqlDataSourceBuilder("Host=localhost;Database=design").UseNodaTime().Build();
        var builder = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(builder, dataSource);
        return new WorkflowsDbContext(builder.Options);
    }
}
