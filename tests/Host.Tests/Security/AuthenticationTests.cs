using System.Net;
using Verkstallighet.Host.Tests.Security.Sessions;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Security;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task UnknownDevelopmentUser_IsRefused()
    {
        var response = await host.As("mallory").GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_IsOpen_AndReportsTheDatabase()
    {
        var response = await host.As(null).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentAndReferencePage_AreServedToSignedInUsers()
    {
        var document = await (await host.As("anna").GetAsync("/openapi/v1.json")).OkJsonAsync();
        var page = await host.As("anna").GetAsync("/scalar/v1");

        Assert.NotNull(document["paths"]!["/api/tasks/{id}/complete"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task HangfireDashboard_IsForAdministratorsOnly()
    {
        var anonymous = await host.As(null).GetAsync("/hangfire");
        var officer = await host.As("anna").GetAsync("/hangfire");
        var administrator = await host.As("david").GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, administrator.StatusCode);
        Assert.Contains("Hangfire", await administrator.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BrowserSignIn_SetsACookie_ThatTheApiAccepts()
    {
        var browser = BrowserSession.On(host);
        var page = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();
        Assert.Contains("Bertil Berg", page);

        await browser.SignInAsync("bertil");
        var response = await browser.GetAsync("/api/tasks?role=Chief");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stranger = BrowserSession.On(host);
        var badLogin = await stranger.PostFormAsync("/login", new Dictionary<string, string>
        {
            [BrowserSession.TokenFieldName] = await stranger.FormTokenAsync("/login"), ["user"] = "nobody",
        });
        Assert.Equal("Unknown user", (string)(await badLogin.ProblemAsync(400))["title"]!);
    }

    [Fact]
    public async Task MalformedBasicCredentials_AreRefused()
    {
        var client = host.As(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "%%%not-base64");

        var response = await client.GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
