namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// Source element ids to target element ids. An element not named keeps its id; one named with null is dropped, which
/// only a subscription (a boundary event, an event sub-process start) may be.
/// </summary>
internal sealed class ElementMapping(IReadOnlyDictionary<string, string?>? explicitMapping)
{
    private readonly IReadOnlyDictionary<string, string?> map = explicitMapping ?? new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string?> Explicit => map;

    /// <summary>The target id of <paramref name="sourceId"/>, or null when the request drops it.</summary>
    public string? Target(string sourceId) => map.TryGetValue(sourceId, out var target) ? target : sourceId;

    public bool IsDropped(string sourceId) => map.TryGetValue(sourceId, out var target) && target is null;
}
