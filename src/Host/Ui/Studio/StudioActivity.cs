using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>An activity as Studio's palette shows it: built from its descriptor, with an icon (SVG markup).</summary>
public sealed record StudioActivity(string Type, string DisplayName, string Category, string Kind, string Icon)
{
    public static StudioActivity From(ActivityDescriptor descriptor) =>
        new(descriptor.Type, descriptor.DisplayName, descriptor.Category, descriptor.Kind.ToString(), ActivityIcons.For(descriptor));
}
