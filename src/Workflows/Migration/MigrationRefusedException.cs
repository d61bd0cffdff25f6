namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>409: a migration that cannot be applied cleanly; nothing was changed. <see cref="Problems"/> says why.</summary>
public sealed class MigrationRefusedException(string message, IReadOnlyList<MigrationProblem> problems) : WorkflowException(message)
{
    public IReadOnlyList<MigrationProblem> Problems { get; } = problems;
}
