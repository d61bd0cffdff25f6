using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Inbox;

/// <summary>The officer's inbox in the browser: listing, claiming, filtering, deadlines, paging and the office boundary.</summary>
public sealed class InboxTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string AssessTitle = "Risk- och behovsbedömning";
    private const string DraftTitle = "Upprätta förslag till verkställighetsplan";

    [Fact]
    public async Task Inbox_ListsANewCasesFirstTask_LinkingTheTaskAndTheCase()
    {
        var drafted = await Cases.CreateCaseAsync();
        await Cases.DoAsync(drafted, "Assess", CaseHost.Assessment());
        var caseId = await Cases.CreateCaseAsync();
        var task = await Cases.TaskAsync(caseId, "Assess");

        var page = await OpenInboxAsync("anna");

        var row = Row(page, caseId);
        await Assertions.Expect(row).ToContainTextAsync(AssessTitle);
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("Risk- och behovsbedömning");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Ej tagen");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = AssessTitle })).ToHaveAttributeAsync("href", $"/tasks/{(string)task["id"]!}");
        var number = await CaseNumberAsync(caseId);
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = $"Ärende {number} · Kim Karlsson" })).ToHaveAttributeAsync("href", $"/cases/{caseId}");
        await Assertions.Expect(Row(page, drafted).Locator("td").Nth(3)).ToHaveTextAsync("2026-02-28");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("inbox");
    }

    [Fact]
    public async Task Inbox_ClaimAndRelease_ChangeWhoHoldsTheTask()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenInboxAsync("anna");
        var row = Row(page, caseId);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Ta {AssessTitle}" }).ClickAsync();

        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Min");
        await Assertions.Expect(page.Locator("#inbox-message")).ToContainTextAsync("Du har tagit uppgiften");
        Assert.Equal("anna", (string?)(await Cases.TaskAsync(caseId, "Assess"))["assignee"]);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Lämna tillbaka {AssessTitle}" }).ClickAsync();

        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Ej tagen");
        Assert.Null((string?)(await Cases.TaskAsync(caseId, "Assess"))["assignee"]);
    }

    [Fact]
    public async Task Inbox_FilterByActivityAndByStatus_NarrowTheList()
    {
        var drafting = await Cases.CreateCaseAsync();
        await Cases.DoAsync(drafting, "Assess", CaseHost.Assessment());
        var claimed = await Cases.CreateCaseAsync();
        await ClaimAsync(claimed, "Assess", "anna");
        var page = await OpenInboxAsync("anna");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);

        await page.GetByLabel("Aktivitet").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Upprätta förslag till verkställighetsplan" }).ClickAsync();
        await ApplyAsync(page);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, drafting)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Rensa filter" }).ClickAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Radio, new() { Name = "Mina", Exact = true }).CheckAsync();
        await ApplyAsync(page);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, claimed)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "Ej tagna", Exact = true }).CheckAsync();
        await ApplyAsync(page);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, drafting)).ToBeVisibleAsync();

        var claimedNumber = await CaseNumberAsync(claimed);
        await page.GetByLabel("Ärendenummer").FillAsync(claimedNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ApplyAsync(page);
        await Assertions.Expect(page.Locator("#inbox-empty")).ToHaveTextAsync("Inga uppgifter matchar filtret.");
    }

    [Fact]
    public async Task Inbox_ShowsWhatColleaguesHold_OnlyInTheViewOfTheWholeOffice()
    {
        var caseId = await Cases.CreateCaseAsync();
        await ClaimAsync(caseId, "Assess", "olle");
        var page = await OpenInboxAsync("anna");
        await Assertions.Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "Alla på kontoret" }).CheckAsync();
        await ApplyAsync(page);

        await Assertions.Expect(Row(page, caseId).Locator("td").Nth(4)).ToHaveTextAsync("Tagen av olle");
        await Assertions.Expect(Row(page, caseId).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Inbox_MarksTasksDueSoonFromTheRulesReminderDay_AndOverdue_AfterTheClockAdvances_16Paragraph()
    {
        await Cases.AddReminderLeadTimeAsync("PlanEstablishment", "P1W"); // due 28 February, due soon from the 21st
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var waiting = await Cases.CreateCaseAsync();
        var page = await OpenInboxAsync("anna");
        var due = Row(page, caseId).Locator("td").Nth(3);
        await Assertions.Expect(due).ToHaveTextAsync("2026-02-28");

        await Cases.AdvanceAsync("2026-02-20");
        page = await OpenInboxAsync("anna");
        await Assertions.Expect(Row(page, caseId).Locator("td").Nth(3)).ToHaveTextAsync("2026-02-28");

        await Cases.AdvanceAsync("2026-02-23");
        page = await OpenInboxAsync("anna");
        due = Row(page, caseId).Locator("td").Nth(3);
        await Assertions.Expect(due).ToHaveTextAsync("2026-02-28 · Förfaller snart");
        await Assertions.Expect(due.Locator(".due-soon")).ToBeVisibleAsync();

        await Cases.AdvanceAsync("2026-03-02");
        page = await OpenInboxAsync("anna");
        due = Row(page, caseId).Locator("td").Nth(3);
        await Assertions.Expect(due).ToHaveTextAsync("2026-02-28 · Försenad");
        await Assertions.Expect(due.Locator(".due-overdue")).ToBeVisibleAsync();
        Assert.Equal("rgb(176, 0, 32)", await due.Locator(".due-overdue").EvaluateAsync<string>("e => getComputedStyle(e).color"));

        await page.GetByLabel("Endast försenade").CheckAsync();
        await ApplyAsync(page);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, caseId)).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, waiting)).ToHaveCountAsync(0);
        await page.ScreenshotAsync("inbox-overdue");
    }

    [Fact]
    public async Task Inbox_SortsByDueDate_LatestFirst_WhenTheHeaderIsPressed()
    {
        var later = await Cases.CreateCaseAsync();
        await Cases.DoAsync(later, "Assess", CaseHost.Assessment());
        var earlier = await Cases.CreateCaseAsync(start: "2026-01-15");
        await Cases.DoAsync(earlier, "Assess", CaseHost.Assessment());
        var undated = await Cases.CreateCaseAsync();
        var page = await OpenInboxAsync("anna");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(3);
        Assert.Equal([earlier, later, undated], await CaseOrderAsync(page));
        await Assertions.Expect(page.Locator("th[aria-sort='ascending']")).ToHaveCountAsync(1);

        await page.Locator("#sort-due").ClickAsync();

        await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First.Locator($"a.case-link[href='/cases/{undated}']")).ToBeVisibleAsync();
        Assert.Equal([undated, later, earlier], await CaseOrderAsync(page));
    }

    [Fact]
    public async Task Inbox_SortsByCaseNumber_ByStatus_AndByTask_WhenTheirHeadersArePressed_AndFiltersByCaseNumber()
    {
        var first = await Cases.CreateCaseAsync();
        var second = await Cases.CreateCaseAsync();
        await Cases.DoAsync(second, "Assess", CaseHost.Assessment());
        var third = await Cases.CreateCaseAsync();
        await ClaimAsync(third, "Assess", "anna");
        var page = await OpenInboxAsync("anna");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(3);

        await page.Locator("#sort-case").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Ärende");
        await ExpectCaseOrderAsync(page, first, second, third);

        await page.Locator("#sort-case").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Ärende");
        await ExpectCaseOrderAsync(page, third, second, first);

        // Status: the unclaimed first (then by due date: the draft is due, the assessment not), then what someone holds.
        await page.Locator("#sort-status").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Status");
        await ExpectCaseOrderAsync(page, second, first, third);

        // Task title: "Risk- och …" before "Upprätta …", reversed when pressed again. (The two assessments tie on title and
        // due date, and the simulated clock gives them one creation time, so their ids, random after it, order them.)
        await page.Locator("#sort-activity").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Uppgift");
        await Assertions.Expect(Rows(page).Nth(2).Locator("a.case-link")).ToHaveAttributeAsync("href", $"/cases/{second}");
        await page.Locator("#sort-activity").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Uppgift");
        await Assertions.Expect(Rows(page).Nth(0).Locator("a.case-link")).ToHaveAttributeAsync("href", $"/cases/{second}");

        var number = await CaseNumberAsync(second);
        await page.GetByLabel("Ärendenummer").FillAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ApplyAsync(page);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, second)).ToBeVisibleAsync();

        await page.GetByLabel("Ärendenummer").FillAsync("abc");
        await ApplyAsync(page);
        await Assertions.Expect(page.GetByText("Ange ärendenumret med siffror.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("inbox-sorted-by-case");
    }

    [Fact]
    public async Task Inbox_ShowsTheNextPage_WhenThereAreMoreTasksThanThePageSize()
    {
        var cases = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            cases.Add(await Cases.CreateCaseAsync());
        }

        var page = await OpenInboxAsync("anna");
        await page.GetByLabel("Per sida").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "10", Exact = true }).ClickAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(10);
        var first = await CaseOrderAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Föregående" })).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nästa sida" }).ClickAsync();

        await Assertions.Expect(page.Locator("#page-number")).ToHaveTextAsync("Sida 2");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nästa sida" })).ToBeDisabledAsync();
        var second = await CaseOrderAsync(page);
        Assert.Equal(cases.Order(), first.Concat(second).Order());

        await page.GetByRole(AriaRole.Button, new() { Name = "Föregående" }).ClickAsync();
        await Assertions.Expect(page.Locator("#page-number")).ToHaveTextAsync("Sida 1");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(10);
        Assert.Equal(first, await CaseOrderAsync(page));
    }

    [Fact]
    public async Task Inbox_NeverShowsAnotherOfficesTasks()
    {
        var annas = await Cases.CreateCaseAsync("anna");
        var eriks = await Cases.CreateCaseAsync("erik");
        var page = await OpenInboxAsync("anna");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Alla på kontoret" }).CheckAsync();
        await ApplyAsync(page);

        await Assertions.Expect(Row(page, annas)).ToBeVisibleAsync();
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText(eriks)).ToHaveCountAsync(0);

        var eriksPage = await OpenInboxAsync("erik");
        await Assertions.Expect(Row(eriksPage, eriks)).ToBeVisibleAsync();
        await Assertions.Expect(eriksPage.GetByText(annas)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Inbox_ClaimConflict_ShowsAMessage_AndRefreshesTheList()
    {
        var caseId = await Cases.CreateCaseAsync();
        var page = await OpenInboxAsync("anna");
        var claim = Row(page, caseId).GetByRole(AriaRole.Button, new() { Name = $"Ta {AssessTitle}" });
        await Assertions.Expect(claim).ToBeVisibleAsync();

        await ClaimAsync(caseId, "Assess", "olle");
        await claim.ClickAsync();

        await Assertions.Expect(page.Locator("#inbox-message")).ToContainTextAsync("har ändrats av någon annan");
        await Assertions.Expect(page.Locator("#inbox-message")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();
        Assert.Equal("olle", (string?)(await Cases.TaskAsync(caseId, "Assess"))["assignee"]);
    }

    [Fact]
    public async Task Inbox_ChiefsAreOfficersToo_AndSeeTheirEscalations()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await Cases.AdvanceAsync("2026-03-02");
        var page = await SignInAsync("bertil");
        await page.GotoAsync("/inbox");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inkorg" })).ToBeVisibleAsync();
        await Assertions.Expect(Rows(page).Filter(new() { HasText = "Planen är inte fastställd i tid" })).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).Filter(new() { HasText = DraftTitle })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Inbox_ListsTheOfficesQueueReminder_OnTheReminderDay_AndMarksItRead_16Paragraph()
    {
        await Cases.AddReminderLeadTimeAsync("PlanEstablishment", "P1W"); // due 28 February, reminded on the 21st
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var page = await OpenInboxAsync("anna");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Påminnelser" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reminders-empty")).ToHaveTextAsync("Inga olästa påminnelser.");

        await Cases.AdvanceAsync("2026-02-21");
        page = await OpenInboxAsync("anna");
        var reminder = page.Locator("#reminders .reminder");
        await Assertions.Expect(reminder).ToHaveCountAsync(1);
        await Assertions.Expect(reminder).ToContainTextAsync($"{DraftTitle} i ärende {await CaseNumberAsync(caseId)} förfaller 2026-02-28");
        await Assertions.Expect(reminder).ToContainTextAsync("till kontorets kö (Stockholm City)");
        await Assertions.Expect(reminder.GetByRole(AriaRole.Link, new() { Name = DraftTitle }))
            .ToHaveAttributeAsync("href", $"/tasks/{(string)(await Cases.TaskAsync(caseId, "PlanDraft"))["id"]!}");
        await page.AssertAccessibleAsync();

        await reminder.GetByRole(AriaRole.Button, new() { Name = $"Markera som läst: påminnelsen om {DraftTitle}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reminders-empty")).ToBeVisibleAsync();
        Assert.Empty((await (await Host.As("olle").GetAsync("/api/notifications?unread=true")).OkJsonAsync()).AsArray());
    }

    [Fact]
    public async Task Inbox_KeyboardOnly_FiltersClaimsAndOpensATask()
    {
        var overdue = await Cases.CreateCaseAsync();
        await Cases.DoAsync(overdue, "Assess", CaseHost.Assessment());
        var waiting = await Cases.CreateCaseAsync();
        await Cases.AdvanceAsync("2026-03-02");
        var taskId = (string)(await Cases.TaskAsync(overdue, "PlanDraft"))["id"]!;
        var page = await OpenInboxAsync("anna");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);

        // A filter: the overdue-only checkbox, ticked with Space and applied with Enter on "Filtrera".
        await page.TabToAsync("e => e.closest('#filter-overdue') !== null && e.type === 'checkbox'");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("e => e.id === 'filter-apply'");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, waiting)).ToHaveCountAsync(0);

        // Claim: Tab on to the row's button, Enter; the focus stays on it as it turns into "Lämna tillbaka".
        await page.TabToAsync("e => e.classList.contains('task-action')");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Row(page, overdue).Locator("td").Nth(4)).ToHaveTextAsync("Min");
        Assert.Equal("anna", (string?)(await Cases.TaskAsync(overdue, "PlanDraft"))["assignee"]);

        // Open: Shift+Tab back to the task's link, Enter.
        await page.TabToAsync("e => e.classList.contains('task-link')", backwards: true);
        await AssertFocusVisibleAsync(page);
        Assert.Equal(DraftTitle, await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await page.ExpectPathAsync($"/tasks/{taskId}");
    }

    private async Task<IPage> OpenInboxAsync(string user)
    {
        var page = await SignInAsync(user);
        if (new Uri(page.Url).AbsolutePath != "/inbox")
        {
            await page.GotoAsync("/inbox");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inkorg", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#inbox-table, #inbox-empty")).ToBeVisibleAsync();
        return page;
    }

    private async Task<long> CaseNumberAsync(string caseId) =>
        (long)(await (await Host.As("anna").GetAsync($"/api/cases/{caseId}")).OkJsonAsync())["client"]!["number"]!;

    private async Task ClaimAsync(string caseId, string elementId, string user)
    {
        var task = await Cases.TaskAsync(caseId, elementId);
        await (await Host.As(user).PostJsonAsync($"/api/tasks/{(string)task["id"]!}/claim", new JsonObject())).OkJsonAsync();
    }

    /// <summary>Applies the filter form. Callers then wait for what the new list must show (web-first), never a fixed time.</summary>
    private static Task ApplyAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Filtrera" }).ClickAsync();

    private static ILocator Rows(IPage page) => page.Locator("#inbox-table tbody tr");

    private static ILocator Row(IPage page, string caseId) => Rows(page).Filter(new() { Has = page.Locator($"a.case-link[href='/cases/{caseId}']") });

    /// <summary>
    /// Waits (web-first) until the rows show these cases in this order: the header changes as the sort starts, the rows
    /// when the new page has been read.
    /// </summary>
    private static async Task ExpectCaseOrderAsync(IPage page, params string[] caseIds)
    {
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(caseIds.Length);
        for (var i = 0; i < caseIds.Length; i++)
        {
            await Assertions.Expect(Rows(page).Nth(i).Locator("a.case-link")).ToHaveAttributeAsync("href", $"/cases/{caseIds[i]}");
        }

        Assert.Equal(caseIds, await CaseOrderAsync(page));
    }

    /// <summary>The case ids of the rows, top to bottom, from their case links.</summary>
    private static async Task<List<string>> CaseOrderAsync(IPage page) =>
        [.. await Rows(page).Locator("a.case-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href').substring('/cases/'.length))")];

    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("solid 3px", outline);
    }
}
