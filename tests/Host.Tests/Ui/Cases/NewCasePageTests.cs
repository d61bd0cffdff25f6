using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Cases;

public sealed class NewCasePageTests(BrowserFixture browser) : BrowserTest(browser)
{

    [Fact]
    public async Task Officer_CreatesASupervisionCase_WithThePersonnummerCheckedAsTyped_AndLandsOnTheCasePage()
    {
        var page = await SignInAsync("anna");
        await page.GotoAsync("/cases/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nytt ärende" })).ToBeVisibleAsync();

        await page.Locator("#clientName").FillAsync("Maja Modig");
        var personnummer = page.Locator("#personnummer");
        await personnummer.PressSequentiallyAsync("19850315-2385");
        await Assertions.Expect(page.GetByText("Personnumrets kontrollsiffra stämmer inte.")).ToBeVisibleAsync();
        await personnummer.FillAsync("");
        await personnummer.PressSequentiallyAsync("19851315-2384");
        await Assertions.Expect(page.GetByText("Personnumrets datum finns inte.")).ToBeVisibleAsync();
        await personnummer.FillAsync("");
        await personnummer.PressSequentiallyAsync(CaseHost.Personnummer);
        await Assertions.Expect(page.GetByText("Personnumrets", new() { Exact = false })).ToHaveCountAsync(0);

        await page.GetByLabel("Påföljd").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Skyddstillsyn" }).ClickAsync();
        await page.Locator("#supervisionStart").FillAsync("2026-01-31");
        await page.Locator("#supervisionEnd").FillAsync("2027-01-30");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("case-new");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa ärendet" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/cases/", StringComparison.Ordinal) && new Uri(url).AbsolutePath != "/cases/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ärende 1: Maja Modig" })).ToBeVisibleAsync();
        var caseId = new Uri(page.Url).AbsolutePath["/cases/".Length..];
        var created = await Cases.CaseAsync(caseId);
        Assert.Equal("Stockholm City", (string?)created["client"]!["office"]);
        Assert.Equal("2026-01-31", (string?)created["client"]!["supervisionStart"]);
        Assert.Contains("anna Write case created (Supervision)", await Cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task NewCaseForm_ShowsTheServicesFieldErrors_InSwedish_AndCreatesNothing()
    {
        var page = await SignInAsync("anna");
        await page.GotoAsync("/cases/new");
        await page.GetByLabel("Påföljd").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Skyddstillsyn" }).ClickAsync();
        await page.Locator("#supervisionStart").FillAsync("2026-01-31");
        await page.Locator("#supervisionEnd").FillAsync("2026-01-01");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa ärendet" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Ärendet skapades inte: rätta uppgifterna som är markerade.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ange klientens namn.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Övervakningen ska upphöra efter att den börjat.")).ToBeVisibleAsync();
        Assert.Equal("/cases/new", new Uri(page.Url).AbsolutePath);
    }
}
