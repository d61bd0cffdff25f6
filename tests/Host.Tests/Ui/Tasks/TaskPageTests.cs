using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Tasks;

public sealed class TaskPageTests(BrowserFixture browser) : TaskFormTest(browser)
{
    [Fact]
    public async Task StaleTaskForm_CompletedElsewhereMeanwhile_SaysSo_LinksBackToTheInbox_AndKeepsWhatWasTyped()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenTaskAsync(caseId, "Assess");
        await FillRiskAssessmentAsync(page, "Låg");

        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment("Hög"), "olle");
        await CompleteInBrowserAsync(page);

        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Uppgiften har redan slutförts av olle" });
        await Assertions.Expect(alert).ToBeVisibleAsync();
        await Assertions.Expect(alert.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till inkorgen" })).ToHaveAttributeAsync("href", "/inbox");
        await Assertions.Expect(Field(page, "needs")).ToHaveValueAsync("Stöd till sysselsättning och boende.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Slutför uppgiften" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-stale");
        var assessment = (await Cases.CaseAsync(caseId))["latestRiskAssessment"]!;
        Assert.Equal(("Hög", "olle"), ((string?)assessment["riskLevel"], (string?)assessment["assessedBy"]));
    }

    [Fact]
    public async Task StaleTaskForm_ClaimedAndReleasedMeanwhile_AsksToCheckAndSendAgain_AndThenCompletes()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenTaskAsync(caseId, "Assess");
        await FillRiskAssessmentAsync(page, "Medel");
        var taskId = (string)(await Cases.TaskAsync(caseId, "Assess"))["id"]!;
        await (await Host.As("olle").PostJsonAsync($"/api/tasks/{taskId}/claim", new { })).OkJsonAsync();
        await (await Host.As("olle").PostJsonAsync($"/api/tasks/{taskId}/release", new { })).OkJsonAsync();

        await CompleteInBrowserAsync(page);
        await Assertions.Expect(page.GetByText("Uppgiften har ändrats sedan du öppnade den.")).ToBeVisibleAsync();
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        Assert.Equal("anna", (string?)(await Cases.CaseAsync(caseId))["latestRiskAssessment"]!["assessedBy"]);
    }

    [Fact]
    public async Task OpeningATaskThatIsAlreadyCompleted_SaysWhoCompletedIt_AndShowsNoForm()
    {
        var caseId = await Cases.CreateCaseAsync();
        var taskId = (string)(await Cases.TaskAsync(caseId, "Assess"))["id"]!;
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment(), "olle");
        var page = await SignInAsync("anna");

        await page.GotoAsync($"/tasks/{taskId}");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Uppgiften har redan slutförts av olle" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Slutför uppgiften" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OfficerOfAnotherOffice_OpeningAnnasTask_GetsTheNoAccessMessage_AndTheRefusalIsLogged()
    {
        var caseId = await Cases.CreateCaseAsync();
        var taskId = (string)(await Cases.TaskAsync(caseId, "Assess"))["id"]!;
        var page = await SignInAsync("erik");

        await page.GotoAsync($"/tasks/{taskId}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Risk för återfall i brott")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        Assert.Contains("erik Denied task Assess", await Cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task UnknownTask_SaysItDoesNotExist()
    {
        var page = await SignInAsync("anna");

        await page.GotoAsync($"/tasks/{Guid.NewGuid()}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uppgiften finns inte" })).ToBeVisibleAsync();
    }
}
