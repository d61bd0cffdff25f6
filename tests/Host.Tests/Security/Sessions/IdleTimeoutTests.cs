using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Tests.Support;

namespace Verkstallighet.Host.Tests.Security.Sessions;

/// <summary>The sign-in cookie lapses after Authentication:IdleTimeout (here ten minutes) without a request.</summary>
public sealed class IdleTimeoutTests : IAsyncLifetime
{
    private readonly ShiftedTimeProvider time = new();
    private HostFactory host = null!;

    public async Task InitializeAsync()
    {
        host = new HostFactory(await TestPostgres.CreateDatabaseAsync(), configure: builder =>
        {
            builder.UseSetting("Authentication:IdleTimeout", "00:10:00");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        });
        _ = host.Server;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SignInCookie_IsRefused_AfterTheIdleTimeoutWithoutRequests()
    {
        var browser = BrowserSession.On(host);
        await browser.SignInAsync("anna");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/tasks")).StatusCode);
        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignInCookie_IsRenewed_WhileRequestsComeWithinTheIdleTimeout()
    {
        var browser = BrowserSession.On(host);
        await browser.SignInAsync("anna");
        var issued = browser.Cookies[BrowserSession.AuthCookie];

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);
        Assert.NotEqual(issued, browser.Cookies[BrowserSession.AuthCookie]); // past half its time, so renewed

        time.Advance(TimeSpan.FromMinutes(6)); // twelve minutes after sign-in, six after the last request
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);

        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/tasks")).StatusCode);
    }
}
