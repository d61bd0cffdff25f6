namespace Verkstallighet.Host.Ui.Studio;

/// <summary>An element that was added, removed or changed, with its changed attributes (only for a change).</summary>
public sealed record StudioChangedElement(string Id, string Type, string Name, IReadOnlyList<StudioChangedAttribute>? Attrs);
