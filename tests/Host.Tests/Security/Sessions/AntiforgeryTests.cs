using System.Net;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Security.Sessions;

/// <summary>The browser forms (sign-in, sign-out) need the antiforgery token their page carries; API calls do not.</summary>
public sealed class AntiforgeryTests : IAsyncLifetime
{
    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SignIn_IsRefused_WithoutAnAntiforgeryToken()
    {
        var browser = BrowserSession.On(host);
        await browser.FormTokenAsync("/login"); // the antiforgery cookie is there, the form field is not

        var response = await browser.PostFormAsync("/login", new Dictionary<string, string> { ["user"] = "anna", ["returnUrl"] = "/" });

        var problem = await response.ProblemAsync(400);
        Assert.Contains("antiforgery", (string)problem["title"]!, StringComparison.OrdinalIgnoreCase);
        Assert.False(browser.Cookies.ContainsKey(BrowserSession.AuthCookie));
    }

    [Fact]
    public async Task SignIn_IsRefused_WithATokenFromAnotherBrowser()
    {
        var attacker = BrowserSession.On(host);
        var attackersToken = await attacker.FormTokenAsync("/login");
        var victim = BrowserSession.On(host);
        await victim.FormTokenAsync("/login");

        var response = await victim.PostFormAsync("/login", new Dictionary<string, string>
        {
            [BrowserSession.TokenFieldName] = attackersToken, ["user"] = "anna",
        });

        await response.ProblemAsync(400);
        Assert.False(victim.Cookies.ContainsKey(BrowserSession.AuthCookie));
    }

    [Fact]
    public async Task SignIn_Works_WithTheTokenFromTheLoginPage()
    {
        var browser = BrowserSession.On(host);

        var response = await browser.SignInAsync("anna");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task SignOut_IsRefused_WithoutAnAntiforgeryToken_AndWorksWithTheOneOfTheSignedInUser()
    {
        var browser = BrowserSession.On(host);
        await browser.SignInAsync("anna");

        var refused = await browser.PostFormAsync("/logout", []);
        await refused.ProblemAsync(400);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);

        var token = await browser.FormTokenAsync("/login");
        var signedOut = await browser.PostFormAsync("/logout", new Dictionary<string, string> { [BrowserSession.TokenFieldName] = token });

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/login", signedOut.Headers.Location!.OriginalString);
        Assert.False(browser.Cookies.ContainsKey(BrowserSession.AuthCookie));
    }

    [Fact]
    public async Task ApiCallsWithBasicCredentials_NeedNoAntiforgeryToken()
    {
        var response = await host.As("david").PostJsonAsync("/api/clock/advance", new { by = "P1D" });

        var body = await response.OkJsonAsync();
        Assert.Equal("2026-02-01", (string)body["today"]!);
    }
}
