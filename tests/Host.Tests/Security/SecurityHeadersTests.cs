using System.Net;
using System.Text.RegularExpressions;
using Verkstallighet.Host.Security;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Security;

public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ApiResponse_CarriesTheSecurityHeaders()
    {
        var response = await host.As("anna").GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task LoginPage_CarriesTheSecurityHeaders()
    {
        var response = await host.As(null).GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task ProblemDetailsResponses_CarryTheSecurityHeaders()
    {
        var notFound = await host.As("david").GetAsync($"/api/instances/{Guid.NewGuid()}");
        var badLogin = await host.As(null).PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "nobody" }));
        var unauthorized = await host.As(null).GetAsync("/api/tasks");

        await notFound.ProblemAsync(404);
        await badLogin.ProblemAsync(400);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        AssertSecurityHeaders(notFound, SecurityHeaders.ContentSecurityPolicy);
        AssertSecurityHeaders(badLogin, SecurityHeaders.ContentSecurityPolicy);
        AssertSecurityHeaders(unauthorized, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task ApiReference_MayRunItsInlineStartScript_WhileOtherPagesMayNot()
    {
        var response = await host.As("anna").GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.ApiReferenceContentSecurityPolicy);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("fonts.scalar.com", page); // fonts from elsewhere would be blocked
        Assert.Matches(new Regex("<script(?![^>]*\\bsrc=)[^>]*>"), page); // why it needs 'unsafe-inline'
        Assert.DoesNotContain("'unsafe-inline'", ScriptSource(SecurityHeaders.ContentSecurityPolicy));
    }

    [Fact]
    public async Task HangfireDashboard_LoadsScriptsOnlyFromFiles_SoTheStrictPolicyFits()
    {
        var response = await host.As("david").GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.ContentSecurityPolicy);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)[^>]*>"), page);
        Assert.DoesNotMatch(new Regex("\\son[a-z]+=\""), page); // inline event handlers
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string policy)
    {
        Assert.Equal(policy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    private static string ScriptSource(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
}
