using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Verkstallighet.Host.Security;

/// <summary>
/// Development only: HTTP Basic with a seeded user name and an empty password (<c>curl -u anna: …</c>), so scripts
/// can call the API without a login flow. Registered only when the environment is Development.
/// </summary>
public sealed class DevelopmentBasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevelopmentBasic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string userName;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            userName = decoded.Split(':', 2)[0];
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not valid base64."));
        }

        var user = DevelopmentUsers.Find(userName);
        return Task.FromResult(user is null
            ? AuthenticateResult.Fail($"There is no development user '{userName}'.")
            : AuthenticateResult.Success(new AuthenticationTicket(DevelopmentPrincipal.For(user, SchemeName), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"verkstallighet (development users, empty password)\"";
        return base.HandleChallengeAsync(properties);
    }
}
