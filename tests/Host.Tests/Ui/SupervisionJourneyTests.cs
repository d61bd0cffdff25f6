using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;
using Verkstallighet.Host.Tests.Ui.Tasks;

namespace Verkstallighet.Host.Tests.Ui;

/// <summary>
/// What a new user does in the browser alone, by following links: an officer creates a supervision case, assesses the
/// risk and drafts the plan; a chief finds the plan on the overview and establishes it; the officer downloads the
/// client's copy (KVFS 2011:5 12–16 §§).
/// </summary>
public sealed class SupervisionJourneyTests(BrowserFixture browser) : TaskFormTest(browser)
{
    [Fact]
    public async Task OfficerAndChief_TakeACase_FromCreationToAnEstablishedPlan_AndTheClientsCopy_InTheBrowserAlone()
    {
        // The officer creates the case from the menu.
        var anna = await SignInAsync("anna");
        await Assertions.Expect(anna.GetByRole(AriaRole.Heading, new() { Name = "Inkorg", Level = 1 })).ToBeVisibleAsync();
        await anna.GetByRole(AriaRole.Link, new() { Name = "Nytt ärende" }).ClickAsync();
        await anna.Locator("#clientName").FillAsync("Kim Karlsson");
        await anna.Locator("#personnummer").PressSequentiallyAsync(CaseHost.Personnummer);
        await anna.GetByLabel("Påföljd").ClickAsync();
        await anna.GetByRole(AriaRole.Option, new() { Name = "Skyddstillsyn" }).ClickAsync();
        await anna.Locator("#supervisionStart").FillAsync("2026-01-31");
        await anna.Locator("#supervisionEnd").FillAsync("2027-01-30");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Skapa ärendet" }).ClickAsync();
        await Assertions.Expect(anna.GetByRole(AriaRole.Heading, new() { Name = "Ärende 1: Kim Karlsson", Level = 1 })).ToBeVisibleAsync();
        var casePage = anna.Url;

        // The risk assessment (13 §), opened from the case's open tasks.
        await anna.GetByRole(AriaRole.Link, new() { Name = "Risk- och behovsbedömning" }).ClickAsync();
        await FillRiskAssessmentAsync(anna, "Medel");
        await CompleteInBrowserAsync(anna);
        await ExpectCompletedAsync(anna);

        // The plan draft (14–15 §§), again from the case page.
        await anna.GotoAsync(casePage);
        await anna.GetByRole(AriaRole.Link, new() { Name = "Upprätta förslag till verkställighetsplan" }).ClickAsync();
        await ChooseRadioAsync(anna, "Ja, klienten deltog");
        await FillAsync(anna, "measures[0].description", "Delta i programmet Återfallsprevention");
        await SelectAsync(anna, "measures[0].area", "Brottslighet");
        await SelectAsync(anna, "measures[0].responsible", "Frivården");
        await FillAsync(anna, "measures[0].dueDate", "2026-06-30");
        await FillAsync(anna, "measures[0].followUpMethod", "Kontakt med programledaren varje månad");
        await CompleteInBrowserAsync(anna);
        await ExpectCompletedAsync(anna);

        // The chief lands on the overview, where the plan waits, and establishes it at a kollegium (16 §).
        var bertil = await SignInAsync("bertil");
        await Assertions.Expect(bertil.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Planer som väntar på fastställelse") })).ToBeVisibleAsync();
        await bertil.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Fastställ eller återsänd planen för Kim Karlsson") }).ClickAsync();
        await ChooseRadioAsync(bertil, "Fastställ planen");
        await FillAsync(bertil, "kollegiumParticipants", "Bertil Berg, chef\nAnna Andersson, handläggare");
        await CompleteInBrowserAsync(bertil);
        await ExpectCompletedAsync(bertil);

        // The officer sees the established plan on the case page and downloads the client's copy (12 §).
        await anna.GotoAsync(casePage);
        await Assertions.Expect(anna.GetByText(new Regex("Gällande plan: version 1, fastställd .* av bertil"))).ToBeVisibleAsync();
        await anna.ScreenshotAsync("case-established");
        var download = await anna.RunAndWaitForDownloadAsync(() => anna.GetByRole(AriaRole.Link, new() { Name = "ladda ner som PDF" }).ClickAsync());
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Delta i programmet Återfallsprevention", text);
        Assert.Contains("19850315-****", text);
        Assert.DoesNotContain("2384", text);
    }
}
