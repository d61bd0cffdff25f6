using System.Text.Json.Nodes;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

public sealed class AccessLogApiTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task AccessLog_IsFilteredByCaseAndUser_NewestFirst()
    {
        var stockholm = await cases.CreateCaseAsync("anna");
        var gothenburg = await cases.CreateCaseAsync("erik");
        await cases.CaseAsync(stockholm, "olle");
        await (await cases.Host.As("erik").GetAsync($"/api/cases/{stockholm}")).ProblemAsync(403);

        var byCase = await ReadAsync($"caseId={stockholm}");
        var byUser = await ReadAsync("userId=erik");
        var both = await ReadAsync($"caseId={stockholm}&userId=erik");

        Assert.Equal(["erik Denied case", "olle Read case", "anna Write case created (Supervision)"], Lines(byCase));
        Assert.All(byUser["entries"]!.AsArray(), e => Assert.Equal("erik", (string?)e!["userId"]));
        Assert.Contains(byUser["entries"]!.AsArray(), e => (string?)e!["caseId"] == gothenburg);
        Assert.Equal(["erik Denied case"], Lines(both));
        Assert.Null(byCase["nextBefore"]);
    }

    [Fact]
    public async Task AccessLog_IsFilteredByPeriod_WithDatesAsWholeDaysInStockholm()
    {
        var caseId = await cases.CreateCaseAsync("anna");
        await cases.AdvanceAsync("2026-02-02");
        await cases.CaseAsync(caseId, "olle");

        var onTheFirstDay = await ReadAsync($"caseId={caseId}&from=2026-01-31&to=2026-01-31");
        var fromTheSecond = await ReadAsync($"caseId={caseId}&from=2026-02-01");
        var byInstant = await ReadAsync($"caseId={caseId}&to=2026-02-01T22:59:59Z");

        Assert.Equal(["anna Write case created (Supervision)"], Lines(onTheFirstDay));
        Assert.Equal(["olle Read case"], Lines(fromTheSecond));
        Assert.Equal(["anna Write case created (Supervision)"], Lines(byInstant));
    }

    [Fact]
    public async Task AccessLog_PagesNewestFirst_UntilTheLastPage()
    {
        var caseId = await cases.CreateCaseAsync("anna");
        for (var i = 0; i < 4; i++)
        {
            await cases.CaseAsync(caseId, "olle");
        }

        var first = await ReadAsync($"caseId={caseId}&limit=2");
        var second = await ReadAsync($"caseId={caseId}&limit=2&before={(long)first["nextBefore"]!}");
        var third = await ReadAsync($"caseId={caseId}&limit=2&before={(long)second["nextBefore"]!}");

        var ids = new[] { first, second, third }.SelectMany(p => p["entries"]!.AsArray().Select(e => (long)e!["id"]!)).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(["anna Write case created (Supervision)"], Lines(third));
        Assert.Null(third["nextBefore"]);
    }

    [Fact]
    public async Task AccessLog_IsForAdministratorsOnly_AndBadFiltersAre400NamingTheField()
    {
        await (await cases.Host.As("anna").GetAsync("/api/access-log")).ProblemAsync(403);
        await (await cases.Host.As("cecilia").GetAsync("/api/access-log")).ProblemAsync(403);
        var david = cases.Host.As("david");

        var badFrom = await (await david.GetAsync("/api/access-log?from=igår")).ProblemAsync(400);
        var backwards = await (await david.GetAsync("/api/access-log?from=2026-02-01&to=2026-01-01")).ProblemAsync(400);
        var tooMany = await (await david.GetAsync("/api/access-log?limit=100000")).ProblemAsync(400);
        var badCursor = await (await david.GetAsync("/api/access-log?before=0")).ProblemAsync(400);
        var badCase = await (await david.GetAsync("/api/access-log?caseId=not-a-guid")).ProblemAsync(400);

        Assert.Contains("igår", (string)badFrom["errors"]!["from"]![0]!);
        Assert.NotNull(backwards["errors"]!["to"]);
        Assert.Contains("500", (string)tooMany["errors"]!["limit"]![0]!);
        Assert.NotNull(badCursor["errors"]!["before"]);
        Assert.NotNull(badCase);

        // The calendar's last day as a bound is no bound at all, not a failure.
        await (await david.GetAsync("/api/access-log?to=9999-12-31")).OkJsonAsync();
        await (await david.GetAsync("/api/access-log?from=9999-12-31")).OkJsonAsync();
    }

    private async Task<JsonNode> ReadAsync(string query) =>
        await (await cases.Host.As("david").GetAsync($"/api/access-log?{query}")).OkJsonAsync();

    private static List<string> Lines(JsonNode page) =>
        page["entries"]!.AsArray().Select(e => $"{(string)e!["userId"]!} {(string)e["kind"]!} {(string)e["what"]!}").ToList();
}
