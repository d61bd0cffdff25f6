namespace Verkstallighet.Host.Ui.Studio;

/// <summary>One attribute of a changed element, before and after.</summary>
public sealed record StudioChangedAttribute(string Name, string OldValue, string NewValue);
