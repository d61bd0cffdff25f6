using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Chief;

public sealed class ChiefOverviewPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static ILocator Section(IPage page, string headingStart) =>
        page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + headingStart) }) });

    [Fact]
    public async Task Overview_ListsAPlanAwaitingEstablishment_AfterAnOfficerDraftsOne()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await Cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft());
        var taskId = (string)(await Cases.TaskAsync(caseId, "PlanEstablish"))["id"]!;

        var page = await SignInAsync("bertil");
        await page.ExpectPathAsync("/chief");

        var plans = Section(page, "Planer som väntar på fastställelse");
        var row = plans.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kim Karlsson" });
        await row.WaitForAsync(); // the lists are read once the circuit is up; a busy machine takes a while
        await Assertions.Expect(row).ToContainTextAsync("anna");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Kim Karlsson", Exact = true })).ToHaveAttributeAsync("href", $"/cases/{caseId}");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new("^Fastställ eller återsänd") })).ToHaveAttributeAsync("href", $"/tasks/{taskId}");
        await Assertions.Expect(Section(page, "Eskaleringar")).ToContainTextAsync("Inga eskaleringar är öppna.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("chief");
        Assert.Contains("bertil Read task list", await Cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task OverdueDeadlineAndItsEscalation_AppearAfterTheClockAdvances_ForTheCasesOfficeOnly()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment()); // the plan is due 28 February (16 §)
        await Cases.AdvanceAsync("2026-03-02");

        var page = await SignInAsync("bertil");
        var overdue = Section(page, "Försenade tidsfrister");
        var row = overdue.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kim Karlsson" });
        await row.WaitForAsync(); // the lists are read once the circuit is up; a busy machine takes a while
        await Assertions.Expect(row).ToContainTextAsync("Verkställighetsplan inom en månad");
        await Assertions.Expect(row).ToContainTextAsync("KVFS 2011:5 16 § första stycket");
        await Assertions.Expect(row).ToContainTextAsync("2026-02-28");
        await Assertions.Expect(row).ToContainTextAsync("Försenad 2 dagar");
        var escalation = Section(page, "Eskaleringar").GetByRole(AriaRole.Row).Filter(new() { HasText = "Planen är inte fastställd i tid" });
        var escalationId = (string)(await Cases.TaskAsync(caseId, "EscalatePlan"))["id"]!;
        await Assertions.Expect(escalation.GetByRole(AriaRole.Link, new() { NameRegex = new("^Hantera") })).ToHaveAttributeAsync("href", $"/tasks/{escalationId}");
        await page.AssertAccessibleAsync();
        Assert.Contains("bertil Read overdue deadlines", await Cases.AccessLogAsync(caseId));

        var frida = await SignInAsync("frida");
        await Section(frida, "Försenade tidsfrister").WaitForAsync();
        await Assertions.Expect(Section(frida, "Försenade tidsfrister")).ToContainTextAsync("Inga tidsfrister är försenade.");
        await Assertions.Expect(Section(frida, "Eskaleringar")).ToContainTextAsync("Inga eskaleringar är öppna.");
        await Assertions.Expect(frida.GetByText("Kim Karlsson")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Waiver_NeedsAReason_AndOnceSavedTheDeadlineLeavesTheList()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());

        var page = await SignInAsync("bertil");
        var upcoming = Section(page, "Tidsfrister de närmaste");
        var row = upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kim Karlsson" });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Ange särskilda skäl") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara särskilda skäl" }).ClickAsync();

        await Assertions.Expect(dialog.GetByText("Ange de särskilda skälen.")).ToBeVisibleAsync();
        Assert.Equal("Pending", (string?)(await Cases.DeadlineAsync(caseId, "PlanEstablishment"))["status"]);
        await page.AssertAccessibleAsync();

        await dialog.GetByRole(AriaRole.Textbox).FillAsync("Klienten är inlagd på sjukhus och kan inte delta i planeringen.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara särskilda skäl" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("särskilda skäl är sparade");
        await Assertions.Expect(upcoming).ToContainTextAsync("Inga tidsfrister löper ut");
        var deadline = await Cases.DeadlineAsync(caseId, "PlanEstablishment");
        Assert.Equal(("Waived", "bertil"), ((string?)deadline["status"], (string?)deadline["waivedBy"]));
    }

    [Fact]
    public async Task OverdueDeadline_WaivedAfterItsDueDate_LeavesTheOverdueList_AndItsEscalationStays()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment()); // the plan is due 28 February (16 §)
        await Cases.AdvanceAsync("2026-03-02");

        var page = await SignInAsync("bertil");
        var overdue = Section(page, "Försenade tidsfrister");
        var row = overdue.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kim Karlsson" });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Ange särskilda skäl") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("räknas inte längre som försenad");
        await dialog.GetByRole(AriaRole.Textbox).FillAsync("Klienten har vårdats på sjukhus sedan övervakningen började.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Spara särskilda skäl" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("särskilda skäl är sparade");
        await Assertions.Expect(overdue).ToContainTextAsync("Inga tidsfrister är försenade.");
        await Assertions.Expect(Section(page, "Eskaleringar")).ToContainTextAsync("Planen är inte fastställd i tid");
        var deadline = await Cases.DeadlineAsync(caseId, "PlanEstablishment");
        Assert.Equal(("Waived", "bertil"), ((string?)deadline["status"], (string?)deadline["waivedBy"]));
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("/chief")]
    [InlineData("/reports")]
    public async Task OfficerWhoIsNotAChief_GetsTheNoAccessPage(string address)
    {
        var page = await SignInAsync("anna");
        await page.GotoAsync(address);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chefsöversikt" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }
}
