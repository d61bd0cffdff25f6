namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// What migrating one instance changes, or would: its elements' moves, its timers and tasks, the subscriptions dropped,
/// and its problems (none when it can be migrated). <paramref name="Revision"/> is the instance's revision as read; an
/// apply sends it back and is refused when the instance moved on since. <paramref name="Notes"/> say what the migration
/// leaves as it is although the target differs (a boundary event the target adds to a running activity).
/// </summary>
public sealed record InstanceMigrationReport(
    Guid InstanceId,
    string? BusinessKey,
    string? Office,
    int Revision,
    IReadOnlyList<string> WaitingAt,
    IReadOnlyList<ElementMove> Moves,
    IReadOnlyList<TimerChange> Timers,
    IReadOnlyList<TaskChange> Tasks,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<string> Notes,
    IReadOnlyList<MigrationProblem> Problems);
