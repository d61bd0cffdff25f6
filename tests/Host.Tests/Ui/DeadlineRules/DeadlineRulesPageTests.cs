using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.DeadlineRules;

public sealed class DeadlineRulesPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string PlanRule = "Verkställighetsplan inom en månad";

    [Fact]
    public async Task Administrator_AddsAVersionByKeyboard_PreviewsAndAppliesIt_AndTheCasesDeadlineMoves()
    {
        // Supervision starts 31 January (the Host's today), so the plan is due 28 February (P1M, 16 §); P30D makes it 2 March.
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        Assert.Equal("2026-02-28", (string?)(await Cases.DeadlineAsync(caseId, "PlanEstablishment"))["dueDate"]);
        var waivedLater = await Cases.CreateCaseAsync();
        await Cases.DoAsync(waivedLater, "Assess", CaseHost.Assessment());

        var page = await SignInAsync("david");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Fristregler" }).ClickAsync();
        await page.ExpectPathAsync("/fristregler");
        var row = page.GetByTestId("rules").Locator("tr[data-rule='PlanEstablishment']");
        await Assertions.Expect(row).ToContainTextAsync("1 månad (P1M), version 1");
        await Assertions.Expect(row).ToContainTextAsync("KVFS 2011:5 16 § första stycket");
        await Assertions.Expect(page.GetByTestId("overview-by-office")).ToContainTextAsync("Stockholm City");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hangfire-panelen" })).ToHaveAttributeAsync("href", "/hangfire/recurring");

        // Keyboard only: Tab to each control, type, Space on check boxes, Enter on buttons.
        await TabToAsync(page, row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Ändra") }));
        await page.Keyboard.PressAsync("Enter");
        var edit = page.GetByTestId("edit");
        await TabToAsync(page, edit.GetByLabel("Frist (ISO 8601)"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("P30D");
        // A date input's segments depend on the browser's locale, so the date is filled; the rest stays keyboard-only.
        await edit.GetByLabel("Gäller från").FillAsync("2026-01-01");
        var confirm = edit.GetByLabel("Jag bekräftar att ändringen gäller från ett passerat datum");
        var save = edit.GetByRole(AriaRole.Button, new() { Name = "Spara versionen" });
        // Without a reason or the confirmation the service refuses, and says why on the fields; nothing is saved.
        await TabToAsync(page, save);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(edit.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Versionen sparades inte" })).ToBeVisibleAsync();
        await Assertions.Expect(edit).ToContainTextAsync("Ange varför regeln ändras");
        await Assertions.Expect(edit).ToContainTextAsync("2026-01-01 har passerat: bekräfta att ändringen gäller från ett passerat datum.");
        await Assertions.Expect(row).ToContainTextAsync("version 1");
        await TabToAsync(page, confirm);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(confirm).ToBeCheckedAsync();
        await TabToAsync(page, edit.GetByLabel("Skäl till ändringen"));
        await page.Keyboard.TypeAsync("KVFS 2026:1 ändrar 16 § till 30 dagar.");
        await TabToAsync(page, save);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(edit.GetByRole(AriaRole.Status).First).ToContainTextAsync("Version 2 av " + PlanRule + " är sparad");
        var history = page.GetByTestId("history-PlanEstablishment");
        var historyButton = page.GetByRole(AriaRole.Button, new() { Name = PlanRule + " – 2 versioner" });
        await Assertions.Expect(history).ToBeHiddenAsync();
        await TabToAsync(page, historyButton);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(historyButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(history).ToBeVisibleAsync();
        await Assertions.Expect(history).ToContainTextAsync("KVFS 2026:1 ändrar 16 § till 30 dagar.");
        await Assertions.Expect(history).ToContainTextAsync("bakåt i tiden (bekräftat)");
        await Assertions.Expect(history).ToContainTextAsync("david");
        await Assertions.Expect(row).ToContainTextAsync("30 dagar (P30D), version 2");

        var pending = edit.GetByRole(AriaRole.Radio, new() { NameRegex = new("^Även väntande tidsfrister") });
        await Assertions.Expect(pending).ToBeCheckedAsync();
        await TabToAsync(page, edit.GetByRole(AriaRole.Button, new() { Name = "Förhandsvisa" }));
        await page.Keyboard.PressAsync("Enter");
        var impact = page.GetByTestId("impact");
        await Assertions.Expect(impact).ToContainTextAsync("2 av 2 väntande tidsfrister för regeln flyttas.");
        await Assertions.Expect(page.GetByTestId("impact-by-office")).ToContainTextAsync("Stockholm City");
        await Assertions.Expect(page.GetByTestId("impact-by-workflow")).ToContainTextAsync("Supervision");
        await Assertions.Expect(page.GetByTestId("impact-days")).ToContainTextAsync("+2 dagar (senare)");
        await Assertions.Expect(impact).ToContainTextAsync("Ingen tidsfrist blir försenad av ändringen.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("deadline-rules");

        // A chief waives one of the deadlines after the preview: applying it refuses, and a new preview leaves that one out.
        var waived = await Cases.DeadlineAsync(waivedLater, "PlanEstablishment");
        await (await Host.As("bertil").PostJsonAsync($"/api/cases/{waivedLater}/deadlines/{(string)waived["id"]!}/waive",
            new { reason = "Klienten är inlagd på sjukhus." })).OkJsonAsync();
        await TabToAsync(page, edit.GetByLabel("Skäl till att väntande tidsfrister flyttas"));
        await page.Keyboard.TypeAsync("Övergångsbestämmelsen i KVFS 2026:1.");
        await TabToAsync(page, edit.GetByRole(AriaRole.Button, new() { Name = "Tillämpa" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(edit.GetByRole(AriaRole.Alert)).ToContainTextAsync("Förhandsvisningen är inaktuell – förhandsvisa igen");
        Assert.Equal("2026-02-28", (string?)(await Cases.DeadlineAsync(caseId, "PlanEstablishment"))["dueDate"]);

        await TabToAsync(page, edit.GetByRole(AriaRole.Button, new() { Name = "Förhandsvisa" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(impact).ToContainTextAsync("1 av 1 väntande tidsfrister för regeln flyttas.");
        await TabToAsync(page, edit.GetByLabel("Skäl till att väntande tidsfrister flyttas"));
        await page.Keyboard.TypeAsync("Övergångsbestämmelsen i KVFS 2026:1.");
        await TabToAsync(page, edit.GetByRole(AriaRole.Button, new() { Name = "Tillämpa" }));
        await page.Keyboard.PressAsync("Space");

        await Assertions.Expect(page.GetByTestId("apply-result")).ToContainTextAsync("1 tidsfrist i 1 ärende har flyttats");
        Assert.Equal("2026-03-02", (string?)(await Cases.DeadlineAsync(caseId, "PlanEstablishment"))["dueDate"]);
        Assert.Equal("2026-03-02", (string?)(await Cases.TaskAsync(caseId, "PlanDraft"))["dueDate"]);
        Assert.Equal(("2026-02-28", "Waived"), ((string?)waived["dueDate"], (string?)(await Cases.DeadlineAsync(waivedLater, "PlanEstablishment"))["status"]));
        await Assertions.Expect(page.GetByTestId("overview-by-day")).ToContainTextAsync("2026-03-02");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("deadline-rules-applied");
    }

    [Fact]
    public async Task Preview_ListsTheCasesThatBecomeOverdue_OnlyWhenTheNewVersionReachesAnchorsBeforeItsDate()
    {
        // Supervision started 5 January: the plan is due 5 February. P14D from today reaches it only for every pending
        // deadline whatever its anchor, and then it falls due 19 January, already past.
        var caseId = await Cases.CreateCaseAsync(start: "2026-01-05");
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var instanceId = await Cases.InstanceIdAsync(caseId);

        var page = await SignInAsync("david");
        await page.GotoAsync("/fristregler");
        await page.GetByTestId("rules").Locator("tr[data-rule='PlanEstablishment']").GetByRole(AriaRole.Button, new() { NameRegex = new("^Ändra") }).ClickAsync();
        var edit = page.GetByTestId("edit");
        await edit.GetByLabel("Frist (ISO 8601)").FillAsync("P14D");
        await Assertions.Expect(edit.GetByLabel("Gäller från")).ToHaveValueAsync("2026-01-31");
        await Assertions.Expect(edit.GetByLabel("Jag bekräftar att ändringen gäller från ett passerat datum")).ToHaveCountAsync(0);
        await edit.GetByLabel("Skäl till ändringen").FillAsync("KVFS 2026:2 kortar fristen till 14 dagar.");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Spara versionen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Version 2" })).ToBeVisibleAsync();

        await edit.GetByRole(AriaRole.Button, new() { Name = "Förhandsvisa" }).ClickAsync();
        var impact = page.GetByTestId("impact");
        await Assertions.Expect(impact).ToContainTextAsync("0 av 1 väntande tidsfrister för regeln flyttas.");
        await Assertions.Expect(edit.GetByRole(AriaRole.Button, new() { Name = "Tillämpa" })).ToHaveCountAsync(0);

        await edit.GetByRole(AriaRole.Radio, new() { NameRegex = new("^Alla väntande tidsfrister") }).CheckAsync();
        await Assertions.Expect(impact).ToHaveCountAsync(0); // a preview of another scope is not applied by mistake
        await edit.GetByRole(AriaRole.Button, new() { Name = "Förhandsvisa" }).ClickAsync();
        await Assertions.Expect(impact).ToContainTextAsync("1 av 1 väntande tidsfrister för regeln flyttas; 1 blir försenade direkt.");
        await Assertions.Expect(page.GetByTestId("impact-days")).ToContainTextAsync("−17 dagar (tidigare)");
        var overdue = page.GetByTestId("impact-overdue").GetByRole(AriaRole.Row).Filter(new() { HasText = "Stockholm City" });
        await Assertions.Expect(overdue).ToContainTextAsync("2026-02-05");
        await Assertions.Expect(overdue).ToContainTextAsync("2026-01-19");
        var link = overdue.GetByRole(AriaRole.Link, new() { NameRegex = new("^Ärende \\d+$") });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/instances/{instanceId}/diagram");
        await page.AssertAccessibleAsync();
        Assert.Equal("2026-02-05", (string?)(await Cases.DeadlineAsync(caseId, "PlanEstablishment"))["dueDate"]);

        await link.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Arbetsflöde för ärendet" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Officer_GetsNoAccess_AndNoLinkToTheRules()
    {
        var page = await SignInAsync("anna");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Inkorg" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fristregler" })).ToHaveCountAsync(0);

        await page.GotoAsync("/fristregler");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fristregler" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("KVFS 2011:5 16 § första stycket")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    /// <summary>
    /// Presses Tab (Shift+Tab when the target comes before the focus) until <paramref name="target"/> has the focus:
    /// fails if the keyboard cannot reach it.
    /// </summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 80)
    {
        await target.WaitForAsync();
        var key = await target.EvaluateAsync<bool>(
            "e => { const a = document.activeElement; return !!a && a !== document.body && !!(a.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING); }")
            ? "Shift+Tab"
            : "Tab";
        for (var press = 0; press < maxPresses; press++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"{key} did not reach {target} in {maxPresses} presses.");
    }
}
