using MudBlazor;

namespace Verkstallighet.Host.Ui.Shell;

/// <summary>The UI's colours and type: dark blue on white, with contrast above WCAG 2.1 AA for text and controls.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            Secondary = "#5a3e85",
            AppbarBackground = "#1f3a5f",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b00020",
            Info = "#0d47a1",
            TextSecondary = "#4a4a4a",
            ActionDefault = "#3d3d3d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "DejaVu Sans", "sans-serif"] },
        },
    };
}
