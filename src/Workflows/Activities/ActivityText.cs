namespace Verkstallighet.Workflows.Activities;

/// <summary>
/// A word users see, in the language the domain speaks, for a key of <see cref="ActivityTexts"/>. The engine's own
/// texts are English; the domain registers its own with <c>AddActivityTexts</c>.
/// </summary>
public sealed record ActivityText(string Key, string Text);
