using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor;
using MudBlazor.Services;
using Verkstallighet.Host.Ui.Shell;

namespace Verkstallighet.Host.Ui;

/// <summary>The officers' and chiefs' web UI: a Blazor Web App with interactive server rendering and MudBlazor.</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddVerkstallighetUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<CircuitActivity>();
        builder.Services.AddScoped<CircuitHandler>(services => services.GetRequiredService<CircuitActivity>());
        return builder;
    }

    /// <summary>
    /// A browser asking for an address no page has gets the "page does not exist" page; API callers keep ProblemDetails.
    /// Goes before routing, so that the re-executed request is routed to the page.
    /// </summary>
    public static WebApplication UseNotFoundPage(this WebApplication app)
    {
        app.UseWhen(IsPageRequest, pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    public static WebApplication MapVerkstallighetUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous(); // the sign-in page needs its styles before anyone is signed in
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/hangfire");
}
