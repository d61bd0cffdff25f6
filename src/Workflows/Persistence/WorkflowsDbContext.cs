using Microsoft.EntityFrameworkCore;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>
/// The engine's tables, in schema <c>workflows</c>. Each feature configures its own entities
/// (<see cref="IEntityTypeConfiguration{TEntity}"/>) and names its table on the context (an extension member such as
/// <c>db.Timers</c>), so persistence depends on no feature and every feature may depend on it.
/// </summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    public const string Schema = "workflows";

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);
        model.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
        SnakeCaseNames.Apply(model);
    }
}
