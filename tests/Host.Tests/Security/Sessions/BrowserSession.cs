using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Security.Sessions;

/// <summary>
/// A browser's view of one Host: keeps the cookies the Host sets (by hand, so they can be carried to another Host),
/// sends them back, and signs in through the login form with the antiforgery token the page carries.
/// </summary>
public sealed partial class BrowserSession(HttpClient client, Dictionary<string, string>? cookies = null)
{
    public const string AuthCookie = "verkstallighet";

    public Dictionary<string, string> Cookies { get; } = cookies is null ? [] : new Dictionary<string, string>(cookies);

    public static BrowserSession On(HostFactory host) => new(Client(host));

    /// <summary>The same cookies, sent to another Host.</summary>
    public BrowserSession MovedTo(HostFactory host) => new(Client(host), Cookies);

    public async Task<HttpResponseMessage> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=')];
            var value = pair[(pair.IndexOf('=') + 1)..];
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }

        return response;
    }

    /// <summary>The antiforgery token in the form of the page at <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var page = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var match = TokenField().Match(await page.Content.ReadAsStringAsync());
        Assert.True(match.Success, $"{path} has no antiforgery field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Signs in as <paramref name="user"/> the way the login page does; the answer is the login's response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string user)
    {
        var token = await FormTokenAsync("/login");
        var response = await PostFormAsync("/login", new Dictionary<string, string>
        {
            [TokenFieldName] = token, ["user"] = user, ["returnUrl"] = "/",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(Cookies.ContainsKey(AuthCookie), "The sign-in set no cookie.");
        return response;
    }

    public const string TokenFieldName = "__RequestVerificationToken";

    private static HttpClient Client(HostFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
