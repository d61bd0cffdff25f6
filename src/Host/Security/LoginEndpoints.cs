using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Verkstallighet.Host.Security.Sessions;

namespace Verkstallighet.Host.Security;

/// <summary>
/// Sign-in and sign-out for the browser. In Development the sign-in page (Ui/Login) posts the chosen seeded user to
/// POST /login, which sets the cookie; elsewhere the identity provider signs in. Both are ordered before the page's own
/// route, which shares the path.
/// </summary>
public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapSignInAndOut(this IEndpointRouteBuilder app, bool development)
    {
        if (development)
        {
            MapDevelopmentSignIn(app);
        }

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).RequireAntiforgeryToken().WithOrder(-1).ExcludeFromDescription();
        return app;
    }

    private static void MapDevelopmentSignIn(IEndpointRouteBuilder app) =>
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var user = DevelopmentUsers.Find(form["user"]);
            if (user is null)
            {
                return Results.Problem(statusCode: 400, title: "Unknown user", detail: $"There is no development user '{form["user"]}'.");
            }

            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                DevelopmentPrincipal.For(user, CookieAuthenticationDefaults.AuthenticationScheme));
            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(LocalReturnUrl.Or(returnUrl));
        }).AllowAnonymous().RequireAntiforgeryToken().WithOrder(-1).ExcludeFromDescription();
}
