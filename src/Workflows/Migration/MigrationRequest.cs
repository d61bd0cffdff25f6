namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// A migration of running instances from one version of a workflow to another of the same key. It selects the running
/// instances of <paramref name="SourceVersion"/>, optionally only those waiting at one of <paramref name="WaitingAt"/>
/// and only those of <paramref name="InstanceIds"/>. <paramref name="Mapping"/> maps source element ids to target ones;
/// an element not named keeps its id, and a boundary event or event sub-process start mapped to null is dropped (its
/// subscription removed, its timer cancelled). <paramref name="Timers"/> says, per source timer element, whether a
/// pending timer keeps its due time (the default) or is recomputed with the target's timer definition.
/// <paramref name="ExpectedRevisions"/> is what a dry run reported (instance id to revision); an apply needs it, and
/// refuses when the selection or any instance changed since.
/// </summary>
public sealed record MigrationRequest(
    string? DefinitionKey,
    int? SourceVersion,
    int? TargetVersion,
    IReadOnlyList<string>? WaitingAt = null,
    IReadOnlyList<Guid>? InstanceIds = null,
    IReadOnlyDictionary<string, string?>? Mapping = null,
    IReadOnlyDictionary<string, TimerMigrationChoice>? Timers = null,
    IReadOnlyDictionary<Guid, int>? ExpectedRevisions = null)
{
    /// <summary>How many instances one migration may select: one transaction holds them all.</summary>
    public const int MaxInstances = 5000;
}
