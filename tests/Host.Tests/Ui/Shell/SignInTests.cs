using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Shell;

public sealed class SignInTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task SignInPage_ListsTheSeededUsers_MarkedAsDevelopmentOnly()
    {
        var page = await AnonymousPageAsync();
        await page.GotoAsync("/");

        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Endast för utveckling.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button[name='login-anna']")).ToContainTextAsync("Anna Andersson");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("login");
    }

    [Theory]
    [InlineData("anna", "/inbox")]
    [InlineData("bertil", "/chief")]
    [InlineData("cecilia", "/owner")]
    [InlineData("david", "/owner")]
    public async Task SignedInUser_LandsOnThePageOfTheirRole(string user, string landing)
    {
        var page = await SignInAsync(user);

        await page.ExpectPathAsync(landing);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignOut_ReturnsToTheSignInPage_AndTheCookieNoLongerWorks()
    {
        var page = await SignInAsync("cecilia");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Processer och tidsfrister" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await page.GotoAsync("/owner");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task OwnerPage_ListsTheWorkflowsAndDeadlineRules_ReadOnly()
    {
        var page = await SignInAsync("david");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tidsfristregler" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "PlanEstablishment", Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("owner");
    }

    [Fact]
    public async Task OfficerOpeningTheOwnersPage_GetsTheNoAccessPage()
    {
        var page = await SignInAsync("anna");
        await page.GotoAsync("/owner");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task UnknownAddress_ShowsThatThePageDoesNotExist()
    {
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/no-such-page");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sidan finns inte" })).ToBeVisibleAsync();
    }
}
