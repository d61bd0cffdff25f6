using System.Net;
using Npgsql;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Security.Sessions;

/// <summary>Two Hosts on one database share the data-protection keys there, so one reads the other's cookies and tokens.</summary>
public sealed class SessionsAcrossHostsTests
{
    [Fact]
    public async Task SignInCookieAndFormToken_FromOneHost_AreAcceptedByAnotherOnTheSameDatabase()
    {
        await using var first = await HostFactory.StartAsync();
        await using var second = new HostFactory(first.ConnectionString);
        _ = second.Server;
        var onFirst = BrowserSession.On(first);
        await onFirst.SignInAsync("bertil");
        var signOutToken = await onFirst.FormTokenAsync("/login");

        var onSecond = onFirst.MovedTo(second);
        var tasks = await onSecond.GetAsync("/api/tasks?role=Chief");
        var signOut = await onSecond.PostFormAsync("/logout", new Dictionary<string, string> { [BrowserSession.TokenFieldName] = signOutToken });

        Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(onSecond.Cookies.ContainsKey(BrowserSession.AuthCookie), "Signing out on the second Host did not clear the cookie.");
        Assert.True(await KeyCountAsync(first.ConnectionString) > 0);
    }

    [Fact]
    public async Task SignInCookie_IsRefused_ByAHostWhoseDatabaseNoLongerHoldsTheKey()
    {
        await using var first = await HostFactory.StartAsync();
        var browser = BrowserSession.On(first);
        await browser.SignInAsync("bertil");
        await using (var connection = new NpgsqlConnection(first.ConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM host.data_protection_keys", connection);
            Assert.True(await delete.ExecuteNonQueryAsync() > 0);
        }

        // A Host that kept its keys anywhere but the database (a file, memory) would still accept the cookie.
        await using var second = new HostFactory(first.ConnectionString);
        _ = second.Server;
        var tasks = await browser.MovedTo(second).GetAsync("/api/tasks?role=Chief");

        Assert.Equal(HttpStatusCode.Unauthorized, tasks.StatusCode);
    }

    private static async Task<long> KeyCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM host.data_protection_keys", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
