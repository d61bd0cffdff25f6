using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Cases;

public sealed class CaseListPageTests(BrowserFixture browser) : BrowserTest(browser)
{

    private const string OtherPersonnummer = "19900101-0017";

    [Fact]
    public async Task CaseList_SearchesByNameCaseNumberAndPersonnummer_InTheOfficeOnly_AndLogsThePersonnummerSearch()
    {
        var kim = await Cases.CreateCaseAsync();
        var lisa = await Cases.CreateCaseAsync(extra: new { clientName = "Lisa Lund", personnummer = OtherPersonnummer });
        var elsewhere = await Cases.CreateCaseAsync("erik", extra: new { clientName = "Kim Karlström" });
        var kimNumber = (long)(await Cases.CaseAsync(kim))["client"]!["number"]!;
        var page = await SignInAsync("anna");
        await page.GotoAsync("/cases");
        var rows = page.Locator("tbody tr");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alla ärenden, de senaste först" })).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kim Karlsson" })).ToHaveAttributeAsync("href", $"/cases/{kim}");
        await Assertions.Expect(page.GetByText("Kim Karlström")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "19850315-****" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody")).Not.ToContainTextAsync("2384");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("cases");

        await SearchAsync(page, "lund");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 ärende matchar sökningen på namn ”lund”" })).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Lisa Lund");

        await SearchAsync(page, kimNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"1 ärende matchar sökningen på ärendenummer {kimNumber}" })).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Kim Karlsson");

        await SearchAsync(page, CaseHost.Personnummer);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 ärende matchar sökningen på personnummer" })).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Kim Karlsson");
        await Assertions.Expect(rows.First).ToContainTextAsync("19850315-****");

        Assert.Contains("anna Read case search by personnummer", await Cases.AccessLogAsync(kim));
        Assert.DoesNotContain(await Cases.AccessLogAsync(lisa), line => line.Contains("personnummer", StringComparison.Ordinal));
        Assert.DoesNotContain(await Cases.AccessLogAsync(elsewhere), line => line.StartsWith("anna ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseList_ShowsTheCheckDigitError_ForAMistypedPersonnummer()
    {
        await Cases.CreateCaseAsync();
        var page = await SignInAsync("anna");
        await page.GotoAsync("/cases");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);

        await SearchAsync(page, "19850315-2385");

        await Assertions.Expect(page.GetByText("Personnumrets kontrollsiffra stämmer inte.")).ToBeVisibleAsync();
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.Locator("#case-search").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
    }
}
