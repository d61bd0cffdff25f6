using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Tasks;

/// <summary>The forms generated from the activities' JSON Schema: transfer, misconduct review and the escalation tasks.</summary>
public sealed class SchemaFormTests(BrowserFixture browser) : TaskFormTest(browser)
{
    [Fact]
    public async Task TransferCase_ToAnotherOffice_MovesTheCaseThere_16Paragraph()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.EstablishPlanAsync(caseId);
        await (await Cases.EventAsync(caseId, "TransferRequested")).OkJsonAsync();
        await Cases.DoAsync(caseId, "FollowUpBeforeTransfer", await FollowUpPlanStandsAsync(caseId));
        var page = await OpenTaskAsync(caseId, "Transfer");

        await FillAsync(page, "targetOffice", "Göteborg");
        await FillAsync(page, "transferDate", "2026-02-15");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-transfercase");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        Assert.Equal("Göteborg", (string?)(await Cases.CaseAsync(caseId, "erik"))["client"]!["office"]);
    }

    [Fact]
    public async Task TransferCase_ToItsOwnOffice_ShowsTheServersErrorOnTheOfficeField()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.EstablishPlanAsync(caseId);
        await (await Cases.EventAsync(caseId, "TransferRequested")).OkJsonAsync();
        await Cases.DoAsync(caseId, "FollowUpBeforeTransfer", await FollowUpPlanStandsAsync(caseId));
        var page = await OpenTaskAsync(caseId, "Transfer");

        await FillAsync(page, "targetOffice", "Stockholm City");
        await FillAsync(page, "transferDate", "2026-02-15");
        await CompleteInBrowserAsync(page);

        await Assertions.Expect(page.Locator("[data-field='targetOffice']")).ToContainTextAsync("Ärendet finns redan på Stockholm City.");
        Assert.True(await Cases.HasTaskAsync(caseId, "Transfer"));
    }

    [Fact]
    public async Task MisconductReview_ByChief_RefusesAnOutcomeTheSanctionDoesNotAllow_ThenRecordsTheDecision()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.EstablishPlanAsync(caseId);
        await (await Cases.EventAsync(caseId, "ClientNotReached")).OkJsonAsync();
        await Cases.AdvanceAsync("2026-03-01");
        var page = await OpenTaskAsync(caseId, "MisconductReview", "bertil");

        await FillAsync(page, "reasons", "Har inte hörsammat kallelser under en månad.");
        await ChooseRadioAsync(page, "Anmälan till åklagare");
        await CompleteInBrowserAsync(page);
        await Assertions.Expect(page.Locator("fieldset[data-field='outcome']")).ToContainTextAsync("Vid Skyddstillsyn kan utfallet vara");

        await ChooseRadioAsync(page, "Anmälan till övervakningsnämnden");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-misconductreview");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        Assert.True(await Cases.HasTaskAsync(caseId, "ReassessAfterMisconduct"));
    }

    [Fact]
    public async Task EscalationTask_ForAPlanNotEstablishedInTime_ShowsTheRuleItEnforces_16Paragraph_AndIsAcknowledgedByTheChief_WithAComment()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await Cases.AdvanceAsync("2026-03-01");
        var taskId = (string)(await Cases.TaskAsync(caseId, "EscalatePlan", "bertil"))["id"]!;
        var page = await OpenTaskAsync(caseId, "EscalatePlan", "bertil");

        // The model's instruction names the rule the chief acts on.
        await Assertions.Expect(page.Locator("#task-instructions")).ToContainTextAsync("inom en månad från övervakningens början (KVFS 2011:5 16 §)");
        await FillAsync(page, "comment", "Planen fastställs vid kollegiet nästa vecka.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-manualtask");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        Assert.Equal("Planen fastställs vid kollegiet nästa vecka.", (string?)(await TaskByIdAsync(taskId, "bertil"))["data"]!["comment"]);
        Assert.False(await Cases.HasTaskAsync(caseId, "EscalatePlan", "bertil"));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> FollowUpPlanStandsAsync(string caseId)
    {
        var followUp = await Cases.FollowUpAllAsync(caseId);
        followUp["decision"] = "PlanStands";
        return followUp;
    }
}
