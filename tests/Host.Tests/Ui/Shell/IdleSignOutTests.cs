using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Shell;

/// <summary>An open tab does not keep a session alive: with no user activity in the circuit the session ends.</summary>
public sealed class IdleSignOutTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override void ConfigureHost(IWebHostBuilder host) => host.UseSetting("Authentication:IdleTimeout", "00:00:15");

    [Fact]
    public async Task IdleOpenPage_LeavesForTheSignedOutPage_AndTheCookieIsGone()
    {
        var page = await SignInAsync("cecilia");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Processer och tidsfrister" })).ToBeVisibleAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signed-out", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har loggats ut" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/owner");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }
}
