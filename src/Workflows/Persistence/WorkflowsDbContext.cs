using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>
/// The engine's tables, in schema <c>workflows</c>. Each feature configures its own entities
/// (<see cref="IEntityTypeConfiguration{TEntity}"/>) and names its table on the context (an extension member such as
/// <c>db.Timers</c>), so persistence depends on no feature and every feature may depend on it.
/// </summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    public const string Schema = "workflows";

    /// <summary>The provider settings every engine context uses: Npgsql with NodaTime, migrations kept in the schema.</summary>
    public static void Configure(DbContextOptionsBuilder db, NpgsqlDataSource dataSource) =>
        db.UseNpgsql(dataSource, npgsql => npgsql
            .UseNodaTime()
            .MigrationsHistoryTable("__ef_migrations_history", Schema));

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);
        model.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
        SnakeCaseNames.Apply(model);
    }
}
