using System.Net;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

/// <summary>Issue 10, point 1: administrators add rule versions; nothing is overwritten.</summary>
public sealed class DeadlineRulesApiTests : IAsyncLifetime
{
    private const string Rule = "PlanEstablishment";
    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<LocalDate> TodayAsync() =>
        LocalDatePattern.Iso.Parse((string)(await (await host.As("david").GetAsync("/api/clock")).OkJsonAsync())["today"]!).Value;

    private async Task<List<System.Text.Json.Nodes.JsonNode>> VersionsAsync() =>
        (await (await host.As("david").GetAsync("/api/deadline-rules")).OkJsonAsync()).AsArray()
            .Where(r => (string?)r!["key"] == Rule).Select(r => r!).ToList();

    [Fact]
    public async Task Administrator_AddsTheNextVersion_AndTheEarlierOneStaysAsItWas()
    {
        var from = (await TodayAsync()).PlusMonths(2);
        var response = await host.As("david").PostJsonAsync($"/api/deadline-rules/{Rule}/versions", new
        {
            period = "P30D", effectiveFrom = LocalDatePattern.Iso.Format(from), moveToNextWorkingDay = true, reminderLeadTime = "P1W",
            reason = "KVFS 2011:5 16 § i lydelse enligt ändringsföreskrift: 30 dagar.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.OkJsonAsync();
        Assert.Equal((2, "P30D", "P1W", "david", false), ((int)added["version"]!, (string?)added["period"], (string?)added["reminderLeadTime"],
            (string?)added["changedBy"], (bool)added["pastEffectiveDateConfirmed"]!));
        Assert.True((bool)added["moveToNextWorkingDay"]!);
        var versions = await VersionsAsync();
        Assert.Equal([1, 2], versions.Select(v => (int)v["version"]!));
        Assert.Equal(("P1M", false), ((string?)versions[0]["period"], (bool)versions[0]["moveToNextWorkingDay"]!));
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("bertil")]
    [InlineData("cecilia")]
    public async Task NoOneButAnAdministrator_AddsAVersion(string user)
    {
        var from = LocalDatePattern.Iso.Format((await TodayAsync()).PlusMonths(2));

        await (await host.As(user).PostJsonAsync($"/api/deadline-rules/{Rule}/versions", new { period = "P30D", effectiveFrom = from, reason = "x" })).ProblemAsync(403);

        Assert.Single(await VersionsAsync());
    }

    [Fact]
    public async Task EffectiveDateInThePast_NeedsAnExplicitConfirmation_AndTheVersionRecordsIt()
    {
        var past = LocalDatePattern.Iso.Format((await TodayAsync()).PlusDays(-10));
        var david = host.As("david");

        var refused = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions", new { period = "P30D", effectiveFrom = past, reason = "Sent införd." })).ProblemAsync(400);
        Assert.NotNull(refused["errors"]!["confirmPastEffectiveDate"]);
        Assert.Single(await VersionsAsync());

        var confirmed = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions",
            new { period = "P30D", effectiveFrom = past, reason = "Sent införd.", confirmPastEffectiveDate = true })).OkJsonAsync();
        Assert.True((bool)confirmed["pastEffectiveDateConfirmed"]!);
    }

    [Theory]
    [InlineData("PT12H", "period")] // a deadline is counted in days, not hours
    [InlineData("en månad", "period")]
    [InlineData("P99999Y", "period")] // a deadline counted with it would overflow the calendar
    [InlineData(null, "period")]
    public async Task Version_WithoutADatePeriod_IsRefusedNamingTheField(string? period, string field)
    {
        var from = LocalDatePattern.Iso.Format((await TodayAsync()).PlusMonths(2));

        var problem = await (await host.As("david").PostJsonAsync($"/api/deadline-rules/{Rule}/versions", new { period, effectiveFrom = from, reason = "x" })).ProblemAsync(400);

        Assert.NotNull(problem["errors"]![field]);
        Assert.Single(await VersionsAsync());
    }

    [Fact]
    public async Task Version_WithoutAReasonOrDate_IsRefused_AndAnUnknownRuleIsNotFound()
    {
        var david = host.As("david");

        var problem = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions", new { period = "P30D" })).ProblemAsync(400);
        Assert.NotNull(problem["errors"]!["reason"]);
        Assert.NotNull(problem["errors"]!["effectiveFrom"]);

        await (await david.PostJsonAsync("/api/deadline-rules/NoSuchRule/versions", new { period = "P30D", effectiveFrom = "2099-01-01", reason = "x" })).ProblemAsync(404);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{ "period": "P30D", "effectiveFrom": "2026-13-40", "reason": "x" }""")]
    [InlineData("""{ "period": 30, "effectiveFrom": "2099-01-01", "reason": "x" }""")]
    public async Task MalformedBody_IsA400ProblemDetails_AndAddsNothing(string body)
    {
        var response = await host.As("david").PostAsync($"/api/deadline-rules/{Rule}/versions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ProblemAsync(400);
        Assert.Single(await VersionsAsync());
    }

    /// <summary>
    /// KVFS 2011:5 16 §: the plan within a month of the supervision's start, amended to 30 days from 1 January 2026. A case
    /// started 31 January 2026 (the clock's first day) is due 28 February; with 30 days it is due 2 March.
    /// </summary>
    [Fact]
    public async Task PreviewThenApply_MovesAPendingPlanDeadline_OnTheCasePage_AndAStalePreviewIs409()
    {
        var cases = await CaseHost.StartAsync();
        await using var _ = cases;
        var caseId = await cases.CreateCaseAsync(start: "2026-01-31");
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        Assert.Equal("2026-02-28", (string?)(await cases.DeadlineAsync(caseId, Rule))["dueDate"]);
        var david = cases.Host.As("david");
        var added = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions",
            new { period = "P30D", effectiveFrom = "2026-01-01", reason = "16 § i ny lydelse: 30 dagar.", confirmPastEffectiveDate = true })).OkJsonAsync();
        var version = (int)added["version"]!;

        var preview = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/preview", new { scope = "Pending" })).OkJsonAsync();
        Assert.Equal((1, 1), ((int)preview["pendingDeadlines"]!, (int)preview["moving"]!));
        Assert.Equal(1, (int)preview["daysMoved"]!["2"]!);
        Assert.Equal(1, (int)preview["byWorkflow"]!["Supervision"]!);
        var fingerprint = (string)preview["fingerprint"]!;

        await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/apply",
            new { scope = "Pending", fingerprint = "0000", reason = "Ny lydelse" })).ProblemAsync(409);
        var noReason = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/apply",
            new { scope = "Pending", fingerprint })).ProblemAsync(400);
        Assert.NotNull(noReason["errors"]!["reason"]);
        Assert.Equal("2026-02-28", (string?)(await cases.DeadlineAsync(caseId, Rule))["dueDate"]);

        var applied = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/apply",
            new { scope = "Pending", fingerprint, reason = "Ny lydelse av 16 §" })).OkJsonAsync();

        Assert.Equal((1, 1), ((int)applied["moved"]!, (int)applied["instances"]!));
        var deadline = await cases.DeadlineAsync(caseId, Rule);
        Assert.Equal(("2026-03-02", version), ((string?)deadline["dueDate"], (int)deadline["ruleVersion"]!));
        Assert.Equal("2026-03-02", (string?)(await cases.TaskAsync(caseId, "PlanDraft"))["dueDate"]);
        var journal = (await cases.CaseAsync(caseId))["journal"]!.AsArray();
        Assert.Contains(journal, line => (string?)line!["kind"] == "DeadlineRescheduled" && (string?)line["data"]!["reason"] == "Ny lydelse av 16 §");
        await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/apply",
            new { scope = "Pending", fingerprint, reason = "En gång till" })).ProblemAsync(409);
    }

    /// <summary>
    /// 16 § from 28 February: one month is 28 March (CET), 30 days is 30 March, after summer time began on the 29th. The
    /// moved deadline is met all through 30 March and fires at the start of 31 March in Stockholm, 22:00 UTC.
    /// </summary>
    [Fact]
    public async Task DeadlineMovedAcrossTheDaylightSavingChange_FiresAtTheStartOfTheNextLocalDay()
    {
        var cases = await CaseHost.StartAsync();
        await using var _ = cases;
        var caseId = await cases.CreateCaseAsync(start: "2026-02-28");
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var david = cases.Host.As("david");
        var version = (int)(await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions",
            new { period = "P30D", effectiveFrom = "2026-02-01", reason = "30 dagar" })).OkJsonAsync())["version"]!;
        var preview = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/preview", new { scope = "Pending" })).OkJsonAsync();
        await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/apply",
            new { scope = "Pending", fingerprint = (string)preview["fingerprint"]!, reason = "30 dagar" })).OkJsonAsync();
        Assert.Equal("2026-03-30", (string?)(await cases.DeadlineAsync(caseId, Rule))["dueDate"]);

        await cases.AdvanceAsync("2026-03-29T00:00:00Z"); // past the old date's firing (28 March 23:00 UTC)
        await cases.AdvanceAsync("2026-03-30T21:59:00Z"); // 23:59 summer time on the due date
        Assert.Equal("Pending", (string?)(await cases.DeadlineAsync(caseId, Rule))["status"]);
        Assert.False(await cases.HasTaskAsync(caseId, "EscalatePlan", "bertil"));

        await cases.AdvanceAsync("2026-03-30T22:00:00Z");

        Assert.Equal("Overdue", (string?)(await cases.DeadlineAsync(caseId, Rule))["status"]);
        Assert.True(await cases.HasTaskAsync(caseId, "EscalatePlan", "bertil"));
    }

    [Theory]
    [InlineData("{}", 400, "scope")]
    [InlineData("""{ "scope": "Everything" }""", 400, null)]
    [InlineData("""{ "scope": "Pending" }""", 409, null)] // version 1 is not the newest once version 2 exists
    public async Task Preview_OfAnUnknownScopeOrAnOldVersion_IsRefused(string body, int status, string? field)
    {
        var david = host.As("david");
        await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions",
            new { period = "P30D", effectiveFrom = LocalDatePattern.Iso.Format((await TodayAsync()).PlusMonths(2)), reason = "Ny lydelse" })).OkJsonAsync();

        var problem = await (await david.PostAsync($"/api/deadline-rules/{Rule}/versions/1/preview",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(status);

        if (field is not null)
        {
            Assert.NotNull(problem["errors"]![field]);
        }
    }

    [Fact]
    public async Task Preview_OfAnUnknownRule_IsNotFound() =>
        await (await host.As("david").PostJsonAsync("/api/deadline-rules/NoSuchRule/versions/1/preview", new { scope = "Pending" })).ProblemAsync(404);
}
