using System.Diagnostics.CodeAnalysis;

namespace Verkstallighet.Workflows.Activities;

/// <summary>
/// The texts users see for activities: names, descriptions, inputs, outputs, form fields and form problems. Keys name
/// what they translate: <c>Type</c>, <c>Type.description</c>, <c>Type.category</c>, <c>Type.input</c> (for an input
/// or an output), <c>Type.input.description</c>, <c>Type.form.field</c>, and <c>*.input</c> for an input every human
/// activity has. A key the domain did not register keeps the engine's English text.
/// </summary>
public sealed class ActivityTexts
{
    private readonly Dictionary<string, string> texts;

    public ActivityTexts(IEnumerable<ActivityText> texts)
    {
        this.texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            this.texts[text.Key] = text.Text;
        }
    }

    public static ActivityTexts None { get; } = new([]);

    /// <summary>The problem of a submission without a form.</summary>
    public const string FormMissing = "form.missing";

    [return: NotNullIfNotNull(nameof(fallback))]
    public string? Of(string key, string? fallback) => texts.TryGetValue(key, out var text) ? text : fallback;

    /// <summary>A text with placeholders (<c>{0}</c>) filled in.</summary>
    public string Format(string key, string fallback, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Of(key, fallback), values);
}
