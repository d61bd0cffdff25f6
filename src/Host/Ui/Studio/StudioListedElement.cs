namespace Verkstallighet.Host.Ui.Studio;

/// <summary>An element of the diagram in Studio's element list: the keyboard's way to select it.</summary>
public sealed record StudioListedElement(string Id, string Name, string Type)
{
    /// <summary>Its name, kind and id: names repeat (two timers may both say "En månad"), ids do not.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name)
        ? $"{Id} ({StudioNames.Kind(Kind)})"
        : $"{Name} ({StudioNames.Kind(Kind)}, {Id})";

    private string Kind => Type.Replace("bpmn:", "", StringComparison.Ordinal);
}
