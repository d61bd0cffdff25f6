namespace Verkstallighet.Host.Security;

/// <summary>A return address after sign-in, kept only when it stays on this site (no open redirect).</summary>
public static class LocalReturnUrl
{
    public static string Or(string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : fallback;
}
