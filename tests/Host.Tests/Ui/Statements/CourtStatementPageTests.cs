using Microsoft.Playwright;
using UglyToad.PdfPig;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Statements;

/// <summary>The statement to the court (yttrande i brottmål) in the browser: assembled, edited, saved, finalised, downloaded.</summary>
public sealed class CourtStatementPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Officer_EditsSavesAndFinalisesTheAssembledDraft_AndDownloadsItsPdf()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.EstablishPlanAsync(caseId);
        var page = await SignInAsync("anna");
        await page.GotoAsync($"/cases/{caseId}/statement");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yttrande till domstol" })).ToBeVisibleAsync();
        var situation = page.GetByLabel("Aktuell situation");
        await Assertions.Expect(situation).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Delta i programmet Återfallsprevention"));
        await Assertions.Expect(page.GetByLabel("Hur övervakningen har fungerat")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Planen har ännu inte följts upp."));
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Den dömdes inställning").FillAsync("Den dömde har informerats om innehållet och instämmer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Utkastet är sparat.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"^Sparat 2026-01-31 \d\d:\d\d av anna \(version 1\)\."))).ToBeVisibleAsync();

        // Finalising without the position on continued supervision is refused on that field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Slutför yttrande" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Skriv avsnittet ”Förutsättningar för fortsatt övervakning” innan yttrandet slutförs.")).ToBeVisibleAsync();

        await page.GetByLabel("Förutsättningar för fortsatt övervakning").FillAsync("Det finns förutsättningar för fortsatt övervakning.");
        await Assertions.Expect(page.GetByText("Skriv avsnittet ”Förutsättningar för fortsatt övervakning”", new() { Exact = false })).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // the fixed app bar and menu then sit at the top of the full-page picture
        await page.ScreenshotAsync("court-statement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Slutför yttrande" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Yttrande 1 är slutfört.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yttrande 1 (slutfört)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner PDF" }).ClickAsync());
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
        var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Yttrande i brottmål", text);
        Assert.Contains("Kim Karlsson, 19850315-****", text);
        Assert.Contains("Delta i programmet Återfallsprevention", text);
        Assert.Contains("Den dömde har informerats om innehållet och instämmer.", text);
        Assert.Contains("Det finns förutsättningar för fortsatt övervakning.", text);
        Assert.Contains("Slutfört 2026-01-31 av anna.", text);
        var log = await Cases.AccessLogAsync(caseId);
        Assert.Contains("anna Write court statement 1 finalised", log);
        Assert.Contains("anna Read court statement 1 (PDF)", log);
    }

    [Fact]
    public async Task SaveOverSomeoneElsesNewerSave_IsRefusedWithAClearMessage_AndShowsTheirText()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await SignInAsync("anna");
        await page.GotoAsync($"/cases/{caseId}/statement");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" })).ToBeVisibleAsync();

        // olle saves a draft of the same case meanwhile, through the API.
        var olles = await Host.As("olle").PutAsync($"/api/cases/{caseId}/statements/draft", System.Net.Http.Json.JsonContent.Create(new
        {
            version = 0, currentSituation = "Olles situation.", supervisionOutcome = "Olles utfall.", clientView = "", continuedSupervision = "Olles ställningstagande.",
        }));
        Assert.True(olles.IsSuccessStatusCode, await olles.Content.ReadAsStringAsync());

        await page.GetByLabel("Förutsättningar för fortsatt övervakning").FillAsync("Annas ställningstagande.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Utkastet har ändrats av någon annan")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Förutsättningar för fortsatt övervakning")).ToHaveValueAsync("Olles ställningstagande.");
    }

    [Fact]
    public async Task OfficerOfAnotherOffice_GetsTheNoAccessMessage()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await SignInAsync("erik");
        await page.GotoAsync($"/cases/{caseId}/statement");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" })).ToHaveCountAsync(0);
        Assert.Contains("erik Denied court statements", await Cases.AccessLogAsync(caseId));
    }
}
