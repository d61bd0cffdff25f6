using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Cases;

public sealed class CasePageTests(BrowserFixture browser) : BrowserTest(browser)
{

    [Fact]
    public async Task CasePage_ShowsClientPlanVersionsDeadlinesTasksAndJournal_AndItsReadIsLogged()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await Cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft());
        await Cases.DoAsync(caseId, "PlanEstablish", new { decision = "Return", comment = "Lägg till boende." }, "bertil");
        await Cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft());
        await Cases.DoAsync(caseId, "PlanEstablish", CaseHost.Establishment(), "bertil");
        var followUpTask = await Cases.TaskAsync(caseId, "FirstFollowUp"); // an API read of its own, before counting
        var readsBefore = (await Cases.AccessLogAsync(caseId)).Count(l => l == "anna Read case");
        var page = await SignInAsync("anna");

        await page.GotoAsync($"/cases/{caseId}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ärende 1: Kim Karlsson", Level = 1 })).ToBeVisibleAsync();
        foreach (var section in new[] { "Klient", "Påföljd och datum", "Verkställighetsplan", "Tidsfrister", "Öppna uppgifter", "Registrera händelse", "Journal" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Exact = true, Level = 2 })).ToBeVisibleAsync();
        }

        // The case's own workflow drawn by bpmn-js, where it waits highlighted.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Arbetsflöde: "), Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#workflow svg g.djs-element.vp-waiting").First).ToBeVisibleAsync();

        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("19850315-****");
        await Assertions.Expect(main).Not.ToContainTextAsync("2384");
        await Assertions.Expect(main).ToContainTextAsync("Övervakningen upphör2027-01-30");
        await Assertions.Expect(main).ToContainTextAsync("Gällande plan: version 2, fastställd");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Delta i programmet Återfallsprevention" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Ej uppföljd" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Återsänd" })).ToContainTextAsync("Lägg till boende.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "utskriftsvy" })).ToHaveAttributeAsync("href", $"/cases/{caseId}/plans/2/print");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "ladda ner som PDF" })).ToHaveAttributeAsync("href", $"/api/cases/{caseId}/plans/2/copy.pdf");
        await Assertions.Expect(page.Locator("li[data-rule='PlanEstablishment']")).ToContainTextAsync("Uppfylld");
        await Assertions.Expect(page.Locator("li[data-rule='FirstFollowUp']")).ToContainTextAsync("Väntande");
        await Assertions.Expect(page.Locator(".case-tasks a").First).ToHaveAttributeAsync("href", $"/tasks/{(string)followUpTask["id"]!}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "bertil" }).Filter(new() { HasText = "Uppgift slutförd" }).First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("case");

        var log = await Cases.AccessLogAsync(caseId);
        Assert.Equal(readsBefore + 1, log.Count(l => l == "anna Read case"));
        Assert.Contains("anna Read plans", log);
    }

    [Fact]
    public async Task Chief_MovesAPendingDeadlineWithAReason_AndThePageShowsTheNewDateAndTheJournalLine_ButAnOfficerCannot()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var officer = await SignInAsync("anna");
        await officer.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(officer.Locator("li[data-rule='PlanEstablishment']")).ToContainTextAsync("Väntande");
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Ändra tidsfristen", Exact = false })).ToHaveCountAsync(0);

        var page = await SignInAsync("bertil");
        await page.GotoAsync($"/cases/{caseId}");
        var plan = page.Locator("li[data-rule='PlanEstablishment']");
        await plan.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ändra tidsfristen") }).ClickAsync();
        await plan.GetByLabel("Ny förfallodag").FillAsync("2026-03-16");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Flytta tidsfristen" }).ClickAsync();
        await Assertions.Expect(plan).ToContainTextAsync("Ange varför tidsfristen ändras.");
        // By keyboard: the reason is the field before the button, and Enter on the button moves the deadline.
        await plan.GetByRole(AriaRole.Button, new() { Name = "Flytta tidsfristen" }).FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.TypeAsync("Tolk saknas till planeringsmötet.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("case-deadline-adjust");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Tidsfristen förfaller nu" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tidsfrist flyttad från 2026-02-28 till 2026-03-16: Tolk saknas till planeringsmötet." })).ToBeVisibleAsync();
        Assert.Equal("2026-03-16", (string?)(await Cases.DeadlineAsync(caseId, "PlanEstablishment"))["dueDate"]);
        Assert.Contains("bertil Write deadline PlanEstablishment moved", await Cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task OfficerOfAnotherOffice_GetsNoAccess_SeesNothingOfTheCase_AndTheRefusalIsLogged()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await SignInAsync("erik");

        await page.GotoAsync($"/cases/{caseId}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Kim Karlsson");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("19850315");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tidsfrister" })).ToHaveCountAsync(0);
        var log = await Cases.AccessLogAsync(caseId);
        Assert.Contains("erik Denied case", log);
        Assert.DoesNotContain("erik Read case", log);
    }

    [Fact]
    public async Task UnknownCase_ShowsThatTheCaseDoesNotExist()
    {
        var page = await SignInAsync("anna");

        await page.GotoAsync($"/cases/{Guid.NewGuid()}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ärendet finns inte" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OverdueDeadline_IsMarkedOnTheCasePage_AfterTheClockAdvances()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment()); // the plan's deadline runs while the plan is drafted
        var page = await SignInAsync("anna");
        await page.GotoAsync($"/cases/{caseId}");
        var planDeadline = page.Locator("li[data-rule='PlanEstablishment']");
        await Assertions.Expect(planDeadline).ToContainTextAsync("2026-02-28");
        await Assertions.Expect(planDeadline).ToContainTextAsync("Väntande");
        await Assertions.Expect(planDeadline).ToContainTextAsync("om 28 dagar");

        await Cases.AdvanceAsync("2026-03-02");
        await page.ReloadAsync();

        await Assertions.Expect(planDeadline).ToContainTextAsync("Försenad");
        await Assertions.Expect(planDeadline).ToContainTextAsync("2 dagar sedan förfallodagen");
        await Assertions.Expect(planDeadline.Locator(".due-overdue")).ToHaveTextAsync("Försenad");
        await Assertions.Expect(page.Locator(".case-tasks")).ToContainTextAsync("Försenad");
    }

    [Fact]
    public async Task RecordingClientNotReached_FromTheCasePage_AfterConfirming_ShowsInTheJournal()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await SignInAsync("anna");
        await page.GotoAsync($"/cases/{caseId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Klienten har inte nåtts" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Registrera att klienten inte har gått att nå?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Registrerat: klienten har inte nåtts." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Händelse registrerad: Klienten har inte nåtts" })).ToContainTextAsync("anna");
        await Assertions.Expect(page.Locator("li[data-rule='ClientNotReached']")).ToContainTextAsync("Väntande");

        await page.GetByRole(AriaRole.Button, new() { Name = "Program genomfört" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.DoesNotContain(await Cases.AccessLogAsync(caseId), l => l.Contains("ProgrammeCompleted", StringComparison.Ordinal));
    }
}
