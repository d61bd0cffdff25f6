using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Reports;

public sealed class ReportsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>
    /// Stockholm City: one plan established in time, one missed (due 28 February, the clock advanced to 2 March);
    /// Göteborg: one missed.
    /// </summary>
    private async Task SeedAsync()
    {
        await Cases.EstablishPlanAsync(await Cases.CreateCaseAsync());
        await Cases.DoAsync(await Cases.CreateCaseAsync(), "Assess", CaseHost.Assessment());
        await Cases.DoAsync(await Cases.CreateCaseAsync("erik"), "Assess", CaseHost.Assessment(), "erik");
        await Cases.AdvanceAsync("2026-03-02");
    }

    [Fact]
    public async Task Reports_ShowTheOfficesShares_OverdueByRule_AndTheMonthlyTrend()
    {
        await SeedAsync();

        var page = await SignInAsync("bertil");
        await page.GotoAsync("/reports");

        var plans = page.GetByTestId("share-plans");
        await plans.WaitForAsync(); // the report is read once the circuit is up; a busy machine takes a while
        await Assertions.Expect(plans).ToContainTextAsync("50");
        await Assertions.Expect(plans).ToContainTextAsync("1 i tid, 1 för sent");
        await Assertions.Expect(page.GetByTestId("share-followups")).ToContainTextAsync("0 i tid, 0 för sent");
        var byRule = page.GetByTestId("overdue-by-rule").GetByRole(AriaRole.Row).Filter(new() { HasText = "Verkställighetsplan inom en månad" });
        await Assertions.Expect(byRule).ToContainTextAsync("KVFS 2011:5 16 § första stycket");
        await Assertions.Expect(byRule.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("1");
        var trend = page.GetByTestId("trend").GetByRole(AriaRole.Row);
        await Assertions.Expect(trend).ToHaveCountAsync(13);
        var february = trend.Filter(new() { HasText = "februari 2026" }).GetByRole(AriaRole.Cell);
        await Assertions.Expect(february).ToHaveTextAsync(["1", "1", "50\u00a0%", "1"]);
        await Assertions.Expect(trend.Last).ToContainTextAsync("mars 2026");
        await Assertions.Expect(page.Locator(".mud-chart").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("reports");
    }

    [Fact]
    public async Task ChiefOfAnotherOffice_SeesOnlyTheirOwnOfficesFigures()
    {
        await SeedAsync();

        var page = await SignInAsync("frida");
        await page.GotoAsync("/reports");

        await page.GetByTestId("share-plans").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("share-plans")).ToContainTextAsync("0 i tid, 1 för sent");
        await Assertions.Expect(page.GetByText("Göteborg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox)).ToHaveCountAsync(0);
    }
}
