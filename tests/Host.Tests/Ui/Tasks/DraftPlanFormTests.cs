using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Tasks;

public sealed class DraftPlanFormTests(BrowserFixture browser) : TaskFormTest(browser)
{
    private async Task FillMeasureAsync(IPage page, int index, string description, string area, string responsible, string due, string followUp)
    {
        await FillAsync(page, $"measures[{index}].description", description);
        await SelectAsync(page, $"measures[{index}].area", area);
        await SelectAsync(page, $"measures[{index}].responsible", responsible);
        await FillAsync(page, $"measures[{index}].dueDate", due);
        await FillAsync(page, $"measures[{index}].followUpMethod", followUp);
    }

    [Fact]
    public async Task DraftPlan_WithMeasuresAddedEditedAndRemoved_SubmitsTheMeasuresLeft_ForTheChief()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var page = await OpenTaskAsync(caseId, "PlanDraft");
        await ChooseRadioAsync(page, "Ja, klienten deltog");

        await FillMeasureAsync(page, 0, "Delta i programmet Återfallsprevention", "Brottslighet", "Frivården", "2026-06-30", "Samtal med programledaren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärd" }).ClickAsync();
        await FillMeasureAsync(page, 1, "Söka bostad", "Boende", "Socialtjänsten", "2026-04-30", "Kontakt med socialtjänsten");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärd" }).ClickAsync();
        await FillMeasureAsync(page, 2, "Skriva in sig hos Arbetsförmedlingen", "Sysselsättning", "Hälso- och sjukvården", "2026-03-31", "Intyg");
        // Edit the first and the third measure, then remove the second.
        await FillAsync(page, "measures[0].description", "Delta i programmet Återfallsprevention, tolv träffar");
        await SelectAsync(page, "measures[2].responsible", "Arbetsförmedlingen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort åtgärd 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-measure]")).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-draftplan");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        var plan = (await Cases.CaseAsync(caseId))["pendingPlan"]!;
        Assert.Equal(("Submitted", "Yes", "anna"), ((string?)plan["status"], (string?)plan["clientParticipation"], (string?)plan["draftedBy"]));
        var measures = plan["measures"]!.AsArray();
        Assert.Equal(
            [
                ("Delta i programmet Återfallsprevention, tolv träffar", "Brottslighet", "Frivården", "2026-06-30"),
                ("Skriva in sig hos Arbetsförmedlingen", "Sysselsättning", "Arbetsförmedlingen", "2026-03-31"),
            ],
            measures.Select(m => ((string?)m!["description"], (string?)m["area"], (string?)m["responsible"], (string?)m["dueDate"])));
        Assert.True(await Cases.HasTaskAsync(caseId, "PlanEstablish", "bertil"));
    }

    [Fact]
    public async Task MeasureDueBeforeTheSupervisionStarts_ShowsTheServersErrorOnThatMeasuresDate_15Paragraph()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var page = await OpenTaskAsync(caseId, "PlanDraft");
        await ChooseRadioAsync(page, "Ja, klienten deltog");
        await FillMeasureAsync(page, 0, "Delta i programmet", "Brottslighet", "Frivården", "2026-06-30", "Samtal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärd" }).ClickAsync();
        await FillMeasureAsync(page, 1, "Söka bostad", "Boende", "Klienten", "2025-12-31", "Hyreskontrakt");

        await CompleteInBrowserAsync(page);

        var dueField = page.Locator("[data-field='measures[1].dueDate']");
        await Assertions.Expect(dueField).ToContainTextAsync("Datumet ska ligga inom övervakningen, 2026-01-31–2027-01-30 (15 §).");
        await Assertions.Expect(page.Locator("[data-field='measures[0].dueDate']")).Not.ToContainTextAsync("inom övervakningen");
        await Assertions.Expect(Field(page, "measures[1].description")).ToHaveValueAsync("Söka bostad");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-draftplan-error");
        Assert.True(await Cases.HasTaskAsync(caseId, "PlanDraft"));
        Assert.Null((await Cases.CaseAsync(caseId))["pendingPlan"]);
    }
}
