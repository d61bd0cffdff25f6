using System.Text.Json.Nodes;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

/// <summary>
/// Issue 10, point 6: reminders through the API. The plan of KVFS 2011:5 16 § is due one month after supervision starts
/// (31 January: due 28 February); a rule version with a one-week lead time makes 21 February its reminder day.
/// </summary>
public sealed class NotificationsApiTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task EachCallerSees_TheirOwnReminders_AndTheirOfficesQueue_NeverAnotherOfficesQueue_16Paragraph()
    {
        await cases.AddReminderLeadTimeAsync("PlanEstablishment", "P1W");
        var queued = await PlanCaseAsync("anna");
        var olles = await PlanCaseAsync("anna");
        var ollesTask = await PlanTaskIdAsync(olles);
        await (await cases.Host.As("olle").PostJsonAsync($"/api/tasks/{ollesTask}/claim", new JsonObject())).OkJsonAsync();
        var goteborg = await PlanCaseAsync("erik");

        await cases.AdvanceAsync("2026-02-20");
        Assert.Empty(await NotificationsAsync("anna"));
        var advanced = await cases.AdvanceAsync("2026-02-21");
        Assert.Equal(3, (int)advanced["remindersCreated"]!);

        var annas = await NotificationsAsync("anna");
        var queue = Assert.Single(annas);
        Assert.Equal(("Office", "Stockholm City", await PlanTaskIdAsync(queued), "2026-02-28", "PlanEstablishment"),
            ((string?)queue["recipientKind"], (string?)queue["recipient"], (string?)queue["taskId"], (string?)queue["dueDate"], (string?)queue["deadlineRuleKey"]));
        Assert.Equal(2, (int)queue["deadlineRuleVersion"]!);
        Assert.Contains("16 §", (string)queue["legalReference"]!);
        Assert.False(string.IsNullOrEmpty((string?)queue["businessKey"]));

        var olle = await NotificationsAsync("olle");
        Assert.Equal(2, olle.Count);
        Assert.Contains(olle, n => (string?)n["recipientKind"] == "User" && (string?)n["recipient"] == "olle" && (string?)n["taskId"] == ollesTask);
        var erik = Assert.Single(await NotificationsAsync("erik"));
        Assert.Equal(("Office", "Göteborg", await PlanTaskIdAsync(goteborg, "erik")), ((string?)erik["recipientKind"], (string?)erik["recipient"], (string?)erik["taskId"]));
        Assert.Empty(await NotificationsAsync("cecilia")); // a process owner has no office and no queue
        Assert.Empty(await NotificationsAsync("david"));
    }

    [Fact]
    public async Task MarkingRead_IsForTheRecipientOnly_403ForAnotherOfficesQueue_404ForNone_AndTheTaskListShowsDueSoon()
    {
        await cases.AddReminderLeadTimeAsync("PlanEstablishment", "P1W");
        var stockholmTask = await PlanTaskIdAsync(await PlanCaseAsync("anna"));
        await PlanCaseAsync("erik");
        await cases.AdvanceAsync("2026-02-21");
        var annas = (string)Assert.Single(await NotificationsAsync("anna"))["id"]!;
        var eriks = (string)Assert.Single(await NotificationsAsync("erik"))["id"]!;

        var refused = await (await cases.Host.As("anna").PostJsonAsync($"/api/notifications/{eriks}/read", new JsonObject())).ProblemAsync(403);
        Assert.Equal("Forbidden.", (string?)refused["title"]);
        await (await cases.Host.As("anna").PostJsonAsync($"/api/notifications/{Guid.NewGuid()}/read", new JsonObject())).ProblemAsync(404);
        var read = await (await cases.Host.As("olle").PostJsonAsync($"/api/notifications/{annas}/read", new JsonObject())).OkJsonAsync();
        Assert.Equal("olle", (string?)read["readBy"]);
        var again = await (await cases.Host.As("anna").PostJsonAsync($"/api/notifications/{annas}/read", new JsonObject())).OkJsonAsync();
        Assert.Equal(("olle", (string?)read["readAt"]), ((string?)again["readBy"], (string?)again["readAt"]));
        Assert.Empty(await NotificationsAsync("anna", unread: true));
        Assert.Null((await NotificationsAsync("erik", unread: true)).Single()["readAt"]);

        var tasks = (await (await cases.Host.As("anna").GetAsync("/api/tasks?filter=office")).OkJsonAsync()).AsArray();
        var plan = tasks.Single(t => (string?)t!["id"] == stockholmTask)!;
        Assert.Equal("DueSoon", (string?)plan["dueStatus"]);
        await cases.AdvanceAsync("2026-03-01");
        tasks = (await (await cases.Host.As("anna").GetAsync("/api/tasks?filter=office")).OkJsonAsync()).AsArray();
        Assert.Equal("Overdue", (string?)tasks.Single(t => (string?)t!["elementId"] == "PlanDraft")!["dueStatus"]);
    }

    private async Task<string> PlanCaseAsync(string user)
    {
        var caseId = await cases.CreateCaseAsync(user);
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment(), user);
        return caseId;
    }

    private async Task<string> PlanTaskIdAsync(string caseId, string user = "anna") => (string)(await cases.TaskAsync(caseId, "PlanDraft", user))["id"]!;

    private async Task<List<JsonNode>> NotificationsAsync(string user, bool unread = false) =>
        (await (await cases.Host.As(user).GetAsync($"/api/notifications{(unread ? "?unread=true" : "")}")).OkJsonAsync()).AsArray().Select(n => n!).ToList();
}
