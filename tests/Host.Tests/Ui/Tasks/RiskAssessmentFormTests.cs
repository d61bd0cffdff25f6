using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Tasks;

public sealed class RiskAssessmentFormTests(BrowserFixture browser) : TaskFormTest(browser)
{
    [Fact]
    public async Task RiskAssessment_FilledInByAnna_IsSaved_AndTheCaseMovesOnToThePlanDraft()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenTaskAsync(caseId, "Assess");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Öppna ärendet" })).ToHaveAttributeAsync("href", $"/cases/{caseId}");

        await FillRiskAssessmentAsync(page, "Hög");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("task-riskassessment");
        await CompleteInBrowserAsync(page);

        await ExpectCompletedAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till inkorgen" })).ToHaveAttributeAsync("href", "/inbox");
        var assessment = (await Cases.CaseAsync(caseId))["latestRiskAssessment"]!;
        Assert.Equal(("Hög", "anna"), ((string?)assessment["riskLevel"], (string?)assessment["assessedBy"]));
        Assert.Equal(6, assessment["factors"]!.AsArray().Count);
        Assert.Equal("Stöd till sysselsättning och boende.", (string?)assessment["needs"]);
        Assert.True(await Cases.HasTaskAsync(caseId, "PlanDraft"));
    }

    [Fact]
    public async Task RiskAssessment_WithEmptyFields_ShowsTheServersSwedishErrorsOnThoseFields_AndCompletesNothing()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenTaskAsync(caseId, "Assess");
        await ChooseRadioAsync(page, "Medel");
        await FillAsync(page, "needs", "Stöd till sysselsättning.");

        await CompleteInBrowserAsync(page);

        await Assertions.Expect(page.Locator("[data-field='riskManagementMeasures']")).ToContainTextAsync("riskhanteringsåtgärder");
        await Assertions.Expect(page.Locator("[data-field='factors[0].assessment']")).ToContainTextAsync("Ange bedömningen av faktorn.");
        await Assertions.Expect(Field(page, "needs")).ToHaveValueAsync("Stöd till sysselsättning.");
        Assert.True(await Cases.HasTaskAsync(caseId, "Assess"));
    }

    [Fact]
    public async Task Officer_TakesAnUnassignedTask_AndItIsAssignedToHer()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenTaskAsync(caseId, "Assess");
        await Assertions.Expect(page.GetByText("Ingen – uppgiften är inte tagen")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ta uppgiften" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ta uppgiften" })).ToHaveCountAsync(0);
        Assert.Equal("anna", (string?)(await Cases.TaskAsync(caseId, "Assess"))["assignee"]);
        await FillRiskAssessmentAsync(page);
        await CompleteInBrowserAsync(page);
        await ExpectCompletedAsync(page);
    }

    [Fact]
    public async Task RiskAssessment_CanBeFilledAndSubmittedWithTheKeyboardOnly()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenTaskAsync(caseId, "Assess");

        await TabToAsync(page, "Låg");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync($"Faktor {i + 1} bedömd med tangentbordet.");
        }

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Täta besök.");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Sysselsättning.");
        await TabToAsync(page, "Slutför uppgiften");
        await page.Keyboard.PressAsync("Enter");

        await ExpectCompletedAsync(page);
        var assessment = (await Cases.CaseAsync(caseId))["latestRiskAssessment"]!;
        Assert.Equal(("Medel", "Täta besök.", "Sysselsättning."), ((string?)assessment["riskLevel"], (string?)assessment["riskManagementMeasures"], (string?)assessment["needs"]));
        Assert.Equal("Faktor 6 bedömd med tangentbordet.", (string?)assessment["factors"]![5]!["assessment"]);
    }

    /// <summary>Presses Tab until the focused element is the one with that accessible name (its label, or its text).</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; if (!e) return ''; " +
                "return (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || '').trim(); }");
            if (focused == name)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached '{name}'.");
    }
}
