using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Verkstallighet.Host.Security.Sessions;

namespace Verkstallighet.Host.Security;

/// <summary>Development sign-in for the browser: a page listing the seeded users; choosing one sets the cookie.</summary>
public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl, HttpContext context, IAntiforgery antiforgery) =>
                Results.Content(Page(returnUrl, antiforgery.GetAndStoreTokens(context)), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();

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
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).AllowAnonymous().RequireAntiforgeryToken().ExcludeFromDescription();

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).RequireAntiforgeryToken().ExcludeFromDescription();
        return app;
    }

    private static string Page(string? returnUrl, AntiforgeryTokenSet antiforgery)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Logga in – Verkställighet.Workflows</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto}button{display:block;width:100%;margin:.4rem 0;padding:.6rem;text-align:left}</style></head><body>");
        html.Append("<h1>Logga in</h1><p>Utvecklingsläge: välj en användare. Inget lösenord behövs.</p>");
        foreach (var user in DevelopmentUsers.All)
        {
            html.Append("<form method=\"post\" action=\"/login\">");
            html.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(antiforgery.FormFieldName)}\" value=\"{WebUtility.HtmlEncode(antiforgery.RequestToken)}\">");
            html.Append($"<input type=\"hidden\" name=\"user\" value=\"{WebUtility.HtmlEncode(user.UserName)}\">");
            html.Append($"<input type=\"hidden\" name=\"returnUrl\" value=\"{WebUtility.HtmlEncode(returnUrl ?? "/")}\">");
            html.Append($"<button type=\"submit\" name=\"login-{WebUtility.HtmlEncode(user.UserName)}\">{WebUtility.HtmlEncode(user.DisplayName)} ({WebUtility.HtmlEncode(user.Office ?? "inget kontor")})</button></form>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }
}
