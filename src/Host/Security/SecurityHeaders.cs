namespace Verkstallighet.Host.Security;

/// <summary>
/// Headers that keep a browser from framing, sniffing or loading foreign content, on every response, error pages
/// included (set just before the response starts, so nothing later in the pipeline drops them).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// For the application's own pages (a Blazor Server app with MudBlazor): scripts only from this origin; inline
    /// styles, which MudBlazor sets on its components; the Blazor circuit's WebSocket to this origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// For the API reference under /scalar only: its page starts itself with an inline script. Scripts still come only
    /// from this origin, and nothing may frame it.
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
                ? ApiReferenceContentSecurityPolicy
                : ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
