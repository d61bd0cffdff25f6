namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>Why (part of) a migration cannot be applied: for an instance and an element where it has them.</summary>
public sealed record MigrationProblem(Guid? InstanceId, string? ElementId, string Message);
