using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Studio;

public sealed class StudioEditorPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task ProcessOwner_OpensTheShippedSupervisionWorkflow_DrawnWithItsPaletteAndNoProblems()
    {
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio");
        await page.GetByTestId("studio-workflows").Locator("tr[data-workflow='Supervision']").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Redigera") }).ClickAsync();

        await page.ExpectPathAsync("/studio/Supervision");
        await Assertions.Expect(page.Locator("[data-testid='studio-canvas'] .djs-element[data-element-id='PlanDraft']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("problem-summary")).ToContainTextAsync("Inga problem");
        await Assertions.Expect(page.Locator(".djs-palette").GetByRole(AriaRole.Button, new() { Name = "Risk- och behovsbedömning" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-warnings")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("studio-editor");
    }

    [Fact]
    public async Task ProcessOwner_SeesAValidationMarker_FixesIt_AndPublishesVersion2WithAChangeNote()
    {
        var page = await OpenEditorAsync("Supervision");
        await ChooseAsync(page, "Välj element", "En månad från övervakningens början (Kanthändelse, PlanOverdue)");
        await Assertions.Expect(page.GetByTestId("selected-element")).ToContainTextAsync("PlanOverdue");

        await ChooseAsync(page, "Tidsfristregel", "(välj en regel)");
        var marked = page.Locator(".djs-element.vp-problem[data-element-id='PlanOverdue']");
        await Assertions.Expect(marked).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-problem-for='PlanOverdue']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("problems").Locator("li[data-problem-element='PlanOverdue']")).ToContainTextAsync("The timer has no time");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("studio-validation-marker");

        await ChooseAsync(page, "Tidsfristregel", "Verkställighetsplan inom en månad (PlanEstablishment)");
        await Assertions.Expect(marked).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("problem-summary")).ToContainTextAsync("Inga problem");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera …" }).ClickAsync();
        await page.GetByLabel("Ändringsnotering *").FillAsync("Tidsfristen för planen kontrollerad i Studio.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Version 2 är publicerad.")).ToBeVisibleAsync();

        var versions = (await (await Host.As("cecilia").GetAsync("/api/definitions/Supervision")).OkJsonAsync()).AsArray();
        var v2 = versions.Single(v => (int?)v!["version"] == 2)!;
        Assert.Equal("Tidsfristen för planen kontrollerad i Studio.", (string?)v2["changeNote"]);
        Assert.Equal("cecilia", (string?)v2["publishedBy"]);
    }

    [Fact]
    public async Task ProcessOwner_EditsAFlowsConditionAndAMessageEventsMessage_AndTheDraftHasThem()
    {
        var page = await OpenEditorAsync("Supervision");
        await ChooseAsync(page, "Välj element", "Planen ändras (Flöde, Flow_PlanChanges)");
        var condition = page.GetByLabel("Villkor (JavaScript)");
        await Assertions.Expect(condition).ToHaveValueAsync("followUpDecision === 'PlanChanges'");
        await condition.FillAsync("followUpDecision === 'PlanChanges' && true");
        await condition.BlurAsync();

        await ChooseAsync(page, "Välj element", "Överflyttning begärd (Start, TransferRequested)");
        var message = page.GetByLabel("Meddelandets namn");
        await Assertions.Expect(message).ToHaveValueAsync("TransferRequested");
        await message.FillAsync("TransferAsked");
        await message.BlurAsync();
        await Assertions.Expect(page.GetByTestId("problem-summary")).ToContainTextAsync("Inga problem");

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Utkastet är sparat", new() { Exact = false })).ToBeVisibleAsync();
        var draft = await (await Host.As("cecilia").GetAsync("/api/definitions/Supervision/draft/xml")).Content.ReadAsStringAsync();
        Assert.Contains("followUpDecision === 'PlanChanges' &amp;&amp; true", draft);
        Assert.Matches("<bpmn:message id=\"[^\"]+\" name=\"TransferAsked\"", draft);
    }

    [Fact]
    public async Task ProcessOwner_BuildsASmallWorkflowFromThePalette_WithAUserTaskAndADeadlineTimer_AndSavesIt()
    {
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio");
        await page.GetByLabel("Nyckel (processens id) *").FillAsync("Granskning");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Granskning av ärendet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa och öppna" }).ClickAsync();
        await page.ExpectPathAsync("/studio/Granskning");
        var flow = page.Locator(".djs-element[data-element-id='Flow_2'] .djs-hit");
        await Assertions.Expect(flow).ToHaveCountAsync(1);

        // From the palette onto the flow between the first step and the end: bpmn-js splits the flow around it.
        await page.Locator(".djs-palette").GetByRole(AriaRole.Button, new() { Name = "Risk- och behovsbedömning" }).ClickAsync();
        var box = (await flow.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2 - 5, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(page.GetByTestId("selected-element")).ToContainTextAsync("Användaruppgift");
        await Assertions.Expect(page.GetByTestId("activity-type")).ToContainTextAsync("Risk- och behovsbedömning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till tidsfrist på vald uppgift" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("selected-element")).ToContainTextAsync("Kanthändelse");
        await ChooseAsync(page, "Hur tiden bestäms", "Tidsfristregel");
        await ChooseAsync(page, "Tidsfristregel", "Verkställighetsplan inom en månad (PlanEstablishment)");
        await page.GetByLabel("Räknas från (datumvariabel)").FillAsync("supervisionStart");
        await page.GetByLabel("Räknas från (datumvariabel)").BlurAsync();
        await page.ScreenshotAsync("studio-built-from-palette");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Utkastet är sparat", new() { Exact = false })).ToBeVisibleAsync();

        var draft = await (await Host.As("cecilia").GetAsync("/api/definitions/Granskning/draft/xml")).Content.ReadAsStringAsync();
        Assert.Contains("vp:activityType=\"RiskAssessment\"", draft);
        Assert.Contains("vp:deadlineRule=\"PlanEstablishment\"", draft);
        Assert.Contains("vp:anchor=\"supervisionStart\"", draft);
        Assert.Contains("cancelActivity=\"false\"", draft);
    }

    [Fact]
    public async Task ProcessOwner_BuildsAndSavesAWorkflow_WithTheKeyboardOnly()
    {
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio");
        await page.TabToAsync("e => e.getAttribute('data-testid') === 'new-key' || e.closest('[data-testid=new-key]') !== null");
        await page.Keyboard.TypeAsync("Tangentbord");
        await page.TabToAsync("e => e.textContent.trim() === 'Skapa och öppna'");
        await page.Keyboard.PressAsync("Enter");
        await page.ExpectPathAsync("/studio/Tangentbord");
        await Assertions.Expect(page.Locator("[data-testid='studio-canvas'] .djs-element[data-element-id='Step_1']")).ToHaveCountAsync(1);

        await page.TabToAsync("e => e.getAttribute('aria-label') === 'Välj element'");
        await PickWithKeysAsync(page, "Första steget (Användaruppgift, Step_1)");
        await Assertions.Expect(page.GetByTestId("selected-element")).ToContainTextAsync("Step_1");
        await page.TabToAsync("e => e.getAttribute('aria-label') === 'Aktivitet att lägga till'");
        await PickWithKeysAsync(page, "Risk- och behovsbedömning");
        await page.TabToAsync("e => e.textContent.trim() === 'Lägg till efter valt element'");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("activity-type")).ToContainTextAsync("Risk- och behovsbedömning");

        await page.TabToAsync("e => e.textContent.trim() === 'Spara utkast'", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Utkastet är sparat", new() { Exact = false })).ToBeVisibleAsync();
        var draft = await (await Host.As("cecilia").GetAsync("/api/definitions/Tangentbord/draft/xml")).Content.ReadAsStringAsync();
        Assert.Contains("vp:activityType=\"RiskAssessment\"", draft);
    }

    /// <summary>Opens the focused MudSelect with Enter, moves to the option with the arrow keys and takes it with Enter.</summary>
    private static async Task PickWithKeysAsync(IPage page, string option)
    {
        await page.Keyboard.PressAsync("Enter");
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(items.First).ToBeVisibleAsync();
        // The highlight is the server's: wait for each arrow key's answer before pressing the next.
        var highlighted = page.Locator(".mud-popover-open .mud-list-item.mud-selected-item");
        for (var i = 0; i < 40 && (await highlighted.CountAsync() == 0 || (await highlighted.First.InnerTextAsync()).Trim() != option); i++)
        {
            var before = await highlighted.CountAsync() == 0 ? null : (await highlighted.First.InnerTextAsync()).Trim();
            await page.Keyboard.PressAsync("ArrowDown");
            if (before is null)
            {
                await Assertions.Expect(highlighted).ToHaveCountAsync(1);
            }
            else
            {
                await Assertions.Expect(highlighted.First).Not.ToHaveTextAsync(before);
            }
        }

        Assert.Equal(option, (await highlighted.First.InnerTextAsync()).Trim());
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(items).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenEditorAsync(string key)
    {
        var page = await SignInAsync("cecilia");
        await page.GotoAsync($"/studio/{key}");
        await Assertions.Expect(page.GetByTestId("problem-summary")).ToContainTextAsync("problem");
        return page;
    }

    /// <summary>Opens the MudSelect with that label and picks the option with exactly that text.</summary>
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") });
        await item.First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
