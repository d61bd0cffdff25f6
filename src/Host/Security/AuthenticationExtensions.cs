using Verkstallighet.Activities;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;

namespace Verkstallighet.Host.Security;

public static class AuthenticationExtensions
{
    /// <summary>The page a browser is sent to for a page its user may not open.</summary>
    public const string AccessDeniedPath = "/no-access";
    private const string Selector = "Verkstallighet";

    /// <summary>
    /// Every endpoint requires a signed-in user. Development: seeded users, by cookie (the login page) or by HTTP Basic
    /// with an empty password (scripts). Elsewhere: OpenID Connect for browsers and JWT bearer tokens for scripts, from
    /// the <c>Authentication:OpenIdConnect</c> section; without it the Host refuses to start.
    /// </summary>
    public static WebApplicationBuilder AddVerkstallighetAuthentication(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var oidc = builder.Configuration.GetSection("Authentication:OpenIdConnect");
        if (!development && string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            throw new HostConfigurationException(
                "Outside Development the Host needs an identity provider: set Authentication__OpenIdConnect__Authority, ClientId and ClientSecret " +
                "(or run in Development, where seeded users sign in without a password).");
        }

        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = Selector;
            options.DefaultChallengeScheme = Selector;
        });
        authentication.AddPolicyScheme(Selector, "Cookie, or a credential in the Authorization header", options =>
            options.ForwardDefaultSelector = context => SchemeFor(context.Request, development));
        authentication.AddCookie(options =>
        {
            options.Cookie.Name = "verkstallighet";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/login";
            options.AccessDeniedPath = AccessDeniedPath;
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            if (!development)
            {
                options.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
            }
        });

        if (development)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentBasicAuthenticationHandler>(DevelopmentBasicAuthenticationHandler.SchemeName, null);
        }
        else
        {
            AddIdentityProvider(authentication, oidc);
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddVerkstallighetPolicies();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RolePolicyProblemHandler>();
        return builder;
    }

    /// <summary>Outside Development: OpenID Connect signs browsers in, JWT bearer tokens carry scripts' calls.</summary>
    private static void AddIdentityProvider(AuthenticationBuilder authentication, IConfigurationSection oidc)
    {
        authentication.AddOpenIdConnect(options =>
        {
            options.Authority = oidc["Authority"];
            options.ClientId = oidc["ClientId"];
            options.ClientSecret = oidc["ClientSecret"];
            options.ResponseType = "code";
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = oidc["NameClaim"] ?? "preferred_username";
            options.TokenValidationParameters.RoleClaimType = oidc["RoleClaim"] ?? "roles";
            options.ClaimActions.MapJsonKey(ClaimTypes.Role, oidc["RoleClaim"] ?? "roles");
            options.ClaimActions.MapUniqueJsonKey(Roles.OfficeClaim, oidc["OfficeClaim"] ?? Roles.OfficeClaim);
        });
        authentication.AddJwtBearer(options =>
        {
            options.Authority = oidc["Authority"];
            options.Audience = oidc["Audience"] ?? oidc["ClientId"];
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = oidc["NameClaim"] ?? "preferred_username";
            options.TokenValidationParameters.RoleClaimType = oidc["RoleClaim"] ?? "roles";
        });
    }

    /// <summary>The scheme that authenticates a request: by the credential in its Authorization header, else the cookie.</summary>
    private static string SchemeFor(HttpRequest request, bool development)
    {
        string authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && development)
        {
            return DevelopmentBasicAuthenticationHandler.SchemeName;
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !development)
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return IsApiRequest(request) && !HasCookie(request) && development
            ? DevelopmentBasicAuthenticationHandler.SchemeName
            : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    private static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static bool HasCookie(HttpRequest request) => request.Cookies.ContainsKey("verkstallighet");

    /// <summary>API callers get a status code (as ProblemDetails), browsers get the login page.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
