using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Tasks;

public sealed class EstablishPlanFormTests(BrowserFixture browser) : TaskFormTest(browser)
{
    private async Task<string> CaseWithADraftAsync()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await Cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft());
        return caseId;
    }

    [Fact]
    public async Task ChiefBertil_EstablishesThePlan_AtAKollegium_WhoseDateAndParticipantsAreRecorded()
    {
        var caseId = await CaseWithADraftAsync();
        var page = await OpenTaskAsync(caseId, "PlanEstablish", "bertil");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Delta i programmet Återfallsprevention" })).ToBeVisibleAsync();

        await ChooseRadioAsync(page, "Fastställ planen");
        await Assertions.Expect(Field(page, "kollegiumDate")).ToHaveValueAsync("2026-01-31");
        await FillAsync(page, "kollegiumParticipants", "Bertil Berg, chef\nAnna Andersson, handläggare\nKim Karlsson, klient");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-establishplan");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        var plan = (await Cases.CaseAsync(caseId))["currentPlan"]!;
        Assert.Equal(("Established", "bertil", "2026-01-31"), ((string?)plan["status"], (string?)plan["decidedBy"], (string?)plan["kollegiumDate"]));
        Assert.Equal(["Bertil Berg, chef", "Anna Andersson, handläggare", "Kim Karlsson, klient"], plan["kollegiumParticipants"]!.AsArray().Select(p => (string?)p));
    }

    [Fact]
    public async Task ChiefBertil_ReturnsThePlan_WithAReason_AndTheOfficerGetsTheDraftBack()
    {
        var caseId = await CaseWithADraftAsync();
        var page = await OpenTaskAsync(caseId, "PlanEstablish", "bertil");

        await ChooseRadioAsync(page, "Återsänd planen till handläggaren");
        await CompleteInBrowserAsync(page);
        await Assertions.Expect(page.Locator("[data-field='comment']")).ToContainTextAsync("Skriv varför planen återsänds.");
        await FillAsync(page, "comment", "Åtgärden om sysselsättning behöver ett tidigare datum.");
        await page.ScreenshotAsync("task-establishplan-return");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        var plans = await (await Host.As("anna").GetAsync($"/api/cases/{caseId}/plans")).OkJsonAsync();
        var returned = plans.AsArray().Single()!;
        Assert.Equal(("Returned", "Åtgärden om sysselsättning behöver ett tidigare datum."), ((string?)returned["status"], (string?)returned["returnComment"]));
        Assert.True(await Cases.HasTaskAsync(caseId, "PlanDraft"));
    }

    [Fact]
    public async Task KollegiumDateInTheFuture_IsRefused_OnTheDateField()
    {
        var caseId = await CaseWithADraftAsync();
        var page = await OpenTaskAsync(caseId, "PlanEstablish", "bertil");
        await ChooseRadioAsync(page, "Fastställ planen");
        await FillAsync(page, "kollegiumDate", "2026-02-02");
        await FillAsync(page, "kollegiumParticipants", "Bertil Berg");

        await CompleteInBrowserAsync(page);

        await Assertions.Expect(page.Locator("[data-field='kollegiumDate']")).ToContainTextAsync("Kollegiet kan inte ha hållits i framtiden");
        Assert.Equal("Submitted", (string?)(await Cases.CaseAsync(caseId))["pendingPlan"]!["status"]);
    }
}
