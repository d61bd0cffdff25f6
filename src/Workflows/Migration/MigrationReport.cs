namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// A migration's dry run or its result: every selected instance, and every problem (the request's own, without an
/// instance, and each instance's). It can be applied when it has no problems; an apply is all or nothing.
/// </summary>
public sealed record MigrationReport(
    string DefinitionKey,
    int SourceVersion,
    int TargetVersion,
    bool Applied,
    IReadOnlyList<InstanceMigrationReport> Instances,
    IReadOnlyList<MigrationProblem> Problems)
{
    public bool CanApply => Problems.Count == 0;

    /// <summary>What an apply must send back as <see cref="MigrationRequest.ExpectedRevisions"/>.</summary>
    public IReadOnlyDictionary<Guid, int> Revisions => Instances.ToDictionary(i => i.InstanceId, i => i.Revision);
}
