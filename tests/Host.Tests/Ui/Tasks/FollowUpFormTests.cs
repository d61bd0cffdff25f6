using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Tasks;

public sealed class FollowUpFormTests(BrowserFixture browser) : TaskFormTest(browser)
{
    [Fact]
    public async Task FollowUp_RecordsAStatusForEachMeasureOfThePlan_AndTheDecision_16And17Paragraphs()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.EstablishPlanAsync(caseId);
        var taskId = (string)(await Cases.TaskAsync(caseId, "FirstFollowUp"))["id"]!;
        var page = await OpenTaskAsync(caseId, "FirstFollowUp");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Skriva in sig hos Arbetsförmedlingen" })).ToBeVisibleAsync();

        await SelectAsync(page, "measures[0].status", "Pågår");
        await SelectAsync(page, "measures[1].status", "Avbruten");
        await ChooseRadioAsync(page, "Planen står fast");
        await CompleteInBrowserAsync(page);
        // A discontinued measure needs a note, and is a reason to change the plan (17 §).
        await Assertions.Expect(page.Locator("[data-field='measures[1].note']")).ToContainTextAsync("Skriv varför åtgärden avbröts.");
        await Assertions.Expect(page.Locator("[data-field='decision']")).ToContainTextAsync("17 §");

        await FillAsync(page, "measures[1].note", "Klienten har fått arbete på egen hand.");
        await ChooseRadioAsync(page, "Planen ändras (17 §)");
        await FillAsync(page, "notes", "Planen ses över med klienten.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-followup");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        var data = (await TaskByIdAsync(taskId))["data"]!;
        Assert.Equal("PlanChanges", (string?)data["decision"]);
        Assert.Equal(["Pågår", "Avbruten"], data["measures"]!.AsArray().Select(m => (string?)m!["status"]));
        var planMeasures = (await Cases.CaseAsync(caseId))["currentPlan"]!["measures"]!.AsArray().Select(m => (string?)m!["id"]);
        Assert.Equal(planMeasures, data["measures"]!.AsArray().Select(m => (string?)m!["measureId"]));
        Assert.True(await Cases.HasTaskAsync(caseId, "ChangeDraft"));
    }
}
