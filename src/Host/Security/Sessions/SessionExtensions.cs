using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Verkstallighet.Host.Security.Sessions;

/// <summary>
/// Browser sessions: the data-protection keys that sign cookies and antiforgery tokens live in PostgreSQL, shared by
/// every Host of the application; the sign-in cookie lapses after <c>Authentication:IdleTimeout</c> without a request;
/// forms carry an antiforgery token.
/// </summary>
public static class SessionExtensions
{
    /// <summary>Every Host uses this name, so they all read one another's protected payloads.</summary>
    public const string ApplicationName = "Verkstallighet.Workflows";

    public const string AntiforgeryCookieName = "verkstallighet-antiforgery";

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(20);

    public static WebApplicationBuilder AddVerkstallighetSessions(this WebApplicationBuilder builder)
    {
        var idleTimeout = IdleTimeout(builder.Configuration);

        builder.Services.AddDbContext<DataProtectionKeysDbContext>((provider, db) =>
            DataProtectionKeysDbContext.Configure(db, provider.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DataProtectionKeysDbContext>();

        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.ExpireTimeSpan = idleTimeout;
            cookie.SlidingExpiration = true; // each request in the second half of the window renews it
        });

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // SecurityHeaders sends the stricter X-Frame-Options: DENY on every response.
            options.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }

    /// <summary>Creates or updates the key table before anything is protected.</summary>
    public static async Task InitializeSessionsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>().Database.MigrateAsync();
    }

    internal static TimeSpan IdleTimeout(IConfiguration configuration)
    {
        var text = configuration["Authentication:IdleTimeout"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultIdleTimeout;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero
            ? timeout
            : throw new HostConfigurationException($"Authentication:IdleTimeout '{text}' is not a positive time span such as 00:20:00.");
    }
}
