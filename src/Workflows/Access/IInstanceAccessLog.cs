namespace Verkstallighet.Workflows.Access;

/// <summary>
/// Where reads, writes and refusals of an instance's data are recorded. The engine records through every registered
/// log; the domain registers one that writes its access log when the instance belongs to a case.
/// </summary>
public interface IInstanceAccessLog
{
    /// <summary>Records in its own transaction, so a refusal is kept even though the refused step is rolled back.</summary>
    Task RecordAsync(Guid instanceId, Actor actor, InstanceAccessKind kind, string what, CancellationToken cancellationToken);

    /// <summary>Records that a list showed <paramref name="actor"/> data of these instances: one read per instance, in one transaction.</summary>
    Task RecordListedAsync(IReadOnlyCollection<Guid> instanceIds, Actor actor, string what, CancellationToken cancellationToken);
}
