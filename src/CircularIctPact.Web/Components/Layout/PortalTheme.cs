using MudBlazor;

namespace CircularIctPact.Web.Components.Layout;

/// <summary>The portal's colours: a deep green for circularity, chosen for WCAG AA contrast in both modes.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1B5E45",
            Secondary = "#5B4B8A",
            AppbarBackground = "#1B5E45",
            AppbarText = "#FFFFFF",
            Background = "#F6F8F7",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#1C2421",
            TextSecondary = "#4A5551",
            ActionDefault = "#3D4844",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7FD3B0",
            PrimaryContrastText = "#0F1512",
            Secondary = "#C7B8F5",
            SecondaryContrastText = "#0F1512",
            AppbarBackground = "#12231C",
            AppbarText = "#E6F2EC",
            Background = "#0F1512",
            Surface = "#18221E",
            DrawerBackground = "#141D19",
            TextPrimary = "#E6EEEA",
            TextSecondary = "#B5C4BD",
            ActionDefault = "#C9D6D0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
