using Microsoft.Playwright;
using UglyToad.PdfPig;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Plans;

/// <summary>The print view of the client's copy of an established plan (KVFS 2011:5 12 §), in the browser.</summary>
public sealed class ClientCopyPrintPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task PrintView_ShowsTheMeasures_PrintsCleanlyOnA4_AndDownloadsThePdfWithThePersonnummerMasked()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.EstablishPlanAsync(caseId);
        var page = await SignInAsync("anna");
        // Counts the print dialogs the page opens (headless Chromium shows none).
        await page.AddInitScriptAsync("window.__printed = 0; window.print = () => { window.__printed++; };");
        await page.GotoAsync($"/cases/{caseId}/plans/1/print");

        var copy = page.Locator("article.client-copy");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verkställighetsplan", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Delta i programmet Återfallsprevention" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Skriva in sig hos Arbetsförmedlingen" })).ToBeVisibleAsync();
        await Assertions.Expect(copy).ToContainTextAsync("Kim Karlsson, 19850315-****");
        await Assertions.Expect(copy).ToContainTextAsync("Fastställd 2026-01-31 av bertil vid kollegium 2026-01-31.");
        await Assertions.Expect(copy).Not.ToContainTextAsync("2384");

        await page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__printed === 1");

        using (var printed = PdfDocument.Open(await page.PdfAsync(new PagePdfOptions { Format = "A4" })))
        {
            Assert.InRange(printed.NumberOfPages, 1, 2);
            var first = printed.GetPage(1);
            // A4 is 595 × 842 points; Chromium rounds its paper to whole pixels at 96 dpi.
            Assert.InRange(first.Width, 594, 597);
            Assert.InRange(first.Height, 841, 844);
            var text = TextOf(printed);
            // The table wraps a description over lines, so its words come interleaved with the next cells'.
            AssertHasWords(text, "Delta i programmet Återfallsprevention");
            AssertHasWords(text, "Skriva in sig hos Arbetsförmedlingen");
            Assert.Contains("19850315-****", text);
            // The navigation and the page's own buttons stay off the paper.
            Assert.DoesNotContain("Inkorg", text);
            Assert.DoesNotContain("Skriv ut", text);
            Assert.DoesNotContain("Ladda ner PDF", text);
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner PDF" }).ClickAsync());
        using (var downloaded = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync())))
        {
            var text = TextOf(downloaded);
            Assert.Contains("Kim Karlsson, 19850315-****", text);
            Assert.DoesNotContain("2384", text);
            Assert.Contains("Delta i programmet Återfallsprevention", text);
            Assert.Contains("Skriva in sig hos Arbetsförmedlingen", text);
        }

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("client-copy");
        var log = await Cases.AccessLogAsync(caseId);
        Assert.Contains("anna Read client's copy (print view) of plan version 1", log);
        Assert.Contains("anna Read client's copy (PDF) of plan version 1", log);
    }

    [Fact]
    public async Task OfficerOfAnotherOffice_GetsTheNoAccessMessage_AndTheRefusalIsLogged()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.EstablishPlanAsync(caseId);
        var page = await SignInAsync("erik");
        await page.GotoAsync($"/cases/{caseId}/plans/1/print");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Delta i programmet Återfallsprevention")).ToHaveCountAsync(0);
        Assert.Contains("erik Denied client's copy (print view) of plan version 1", await Cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task PlanNotYetEstablished_SaysThatTheCopyIsMadeOfAnEstablishedPlan()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await Cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft());
        var page = await SignInAsync("anna");
        await page.GotoAsync($"/cases/{caseId}/plans/1/print");

        await Assertions.Expect(page.GetByText("Planversion 1 är inte fastställd.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut" })).ToHaveCountAsync(0);
    }

    private static void AssertHasWords(string text, string phrase)
    {
        var words = text.Split(' ').ToHashSet();
        Assert.All(phrase.Split(' '), word => Assert.Contains(word, words));
    }

    /// <summary>The words of every page, each separated by one space.</summary>
    private static string TextOf(PdfDocument pdf) =>
        string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
}
