namespace Verkstallighet.Host.Ui.Studio;

/// <summary>What changed between two versions, as Scripts/studio-diff.js finds it.</summary>
public sealed record StudioChanges(
    IReadOnlyList<StudioChangedElement> Added,
    IReadOnlyList<StudioChangedElement> Removed,
    IReadOnlyList<StudioChangedElement> Changed,
    IReadOnlyList<StudioChangedElement> LayoutChanged);
