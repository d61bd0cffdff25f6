using System.Text.Json.Nodes;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Security;

/// <summary>The holes outside testing found (issue 7, point 1): every path to a case keeps to the office, and says so in the access log.</summary>
public sealed class OfficeScopingTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task MessageToAnotherOfficesCase_Is403_IsLoggedAsDenied_AndChangesNothing()
    {
        var caseId = await cases.CreateCaseAsync("anna");
        var instanceId = await cases.InstanceIdAsync(caseId);
        var before = await InstanceAsync(instanceId);
        var erik = cases.Host.As("erik");

        var byCorrelation = await erik.PostJsonAsync("/api/messages", new { name = "TransferRequested", correlationId = caseId, payload = new { office = "Göteborg" } });
        var byId = await erik.PostJsonAsync("/api/messages", new { name = "SupervisionEnding", instanceId });
        var asEvent = await erik.PostJsonAsync($"/api/cases/{caseId}/events", new { name = "TransferRequested" });

        Assert.Contains("Stockholm City", (string)(await byCorrelation.ProblemAsync(403))["detail"]!);
        await byId.ProblemAsync(403);
        await asEvent.ProblemAsync(403);
        var after = await InstanceAsync(instanceId);
        Assert.Equal("Stockholm City", (string?)after["instance"]!["office"]);
        Assert.Equal("Stockholm City", (string?)after["variables"]!["office"]);
        Assert.Equal(before["waitingAt"]!.ToJsonString(), after["waitingAt"]!.ToJsonString());
        Assert.Equal(before["openTasks"]!.AsArray().Select(t => (string?)t!["id"]), after["openTasks"]!.AsArray().Select(t => (string?)t!["id"]));
        Assert.DoesNotContain((await (await cases.Host.As("david").GetAsync($"/api/instances/{instanceId}/journal")).OkJsonAsync()).AsArray(),
            j => (string?)j!["kind"] == "MessageReceived");
        var log = await cases.AccessLogAsync(caseId);
        Assert.Contains("erik Denied message TransferRequested", log);
        Assert.Contains("erik Denied message SupervisionEnding", log);
        Assert.Contains("erik Denied event TransferRequested", log);
        await (await erik.GetAsync($"/api/instances/{instanceId}")).ProblemAsync(403);
    }

    [Fact]
    public async Task MessagePayload_CannotSetTheOffice_TheCaseId_OrADeadlineAnchor()
    {
        var caseId = await cases.CreateCaseAsync("anna");
        var instanceId = await cases.InstanceIdAsync(caseId);
        var anna = cases.Host.As("anna");

        var office = await anna.PostJsonAsync("/api/messages", new { name = "ClientNotReached", correlationId = caseId, payload = new { office = "Göteborg" } });
        var identity = await anna.PostJsonAsync("/api/messages", new { name = "ClientNotReached", instanceId, payload = new { caseId = Guid.NewGuid() } });
        var anchor = await anna.PostJsonAsync($"/api/cases/{caseId}/events", new { name = "ClientNotReached", payload = new { clientNotReachedDate = "2020-01-01" } });
        var start = await anna.PostJsonAsync($"/api/cases/{caseId}/events", new { name = "ClientNotReached", payload = new { supervisionStart = "2020-01-01" } });

        Assert.Contains("'office'", (string)(await office.ProblemAsync(400))["detail"]!);
        Assert.Contains("'caseId'", (string)(await identity.ProblemAsync(400))["detail"]!);
        Assert.Contains("'clientNotReachedDate'", (string)(await anchor.ProblemAsync(400))["detail"]!);
        Assert.Contains("'supervisionStart'", (string)(await start.ProblemAsync(400))["detail"]!);
        var variables = (await InstanceAsync(instanceId))["variables"]!;
        Assert.Equal(("Stockholm City", caseId, "2026-01-31"), ((string?)variables["office"], (string?)variables["caseId"], (string?)variables["supervisionStart"]));
        Assert.Null(variables["clientNotReachedDate"]);
    }

    [Fact]
    public async Task MessagePayload_WithAFieldTheEventDoesNotDeclare_Is400NamingIt()
    {
        var caseId = await cases.CreateCaseAsync("anna");

        var response = await cases.EventAsync(caseId, "ProgrammeCompleted", new { programme = "ÅP", grade = 5 });

        var detail = (string)(await response.ProblemAsync(400))["detail"]!;
        Assert.Contains("'programme'", detail);
        Assert.Contains("'grade'", detail);
        Assert.False(await cases.HasTaskAsync(caseId, "ReassessAfterProgramme"));
    }

    [Fact]
    public async Task Event_RecordsTheDayItArrived_FromTheClock()
    {
        var caseId = await cases.CreateCaseAsync("anna");

        await (await cases.EventAsync(caseId, "ClientNotReached")).OkJsonAsync();

        var variables = (await InstanceAsync(await cases.InstanceIdAsync(caseId)))["variables"]!;
        Assert.Equal("2026-01-31", (string?)variables["clientNotReachedDate"]);
        Assert.Contains("anna Write message ClientNotReached", await cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task Officer_CannotStartAnInstanceForAnotherOffice_ButAChiefMayChooseOne()
    {
        var anna = cases.Host.As("anna");

        var named = await anna.PostJsonAsync("/api/instances", new { definitionKey = "Supervision", office = "Göteborg" });
        var inVariables = await anna.PostJsonAsync("/api/instances", new { definitionKey = "Supervision", variables = new { office = "Göteborg" } });
        var caseIdVariable = await anna.PostJsonAsync("/api/instances", new { definitionKey = "Supervision", variables = new { caseId = Guid.NewGuid() } });
        var own = await (await anna.PostJsonAsync("/api/instances", new { definitionKey = "Supervision" })).OkJsonAsync();
        var chosen = await (await cases.Host.As("bertil").PostJsonAsync("/api/instances", new { definitionKey = "Supervision", office = "Göteborg" })).OkJsonAsync();

        Assert.Contains("Stockholm City", (string)(await named.ProblemAsync(403))["detail"]!);
        Assert.Contains("'office'", (string)(await inVariables.ProblemAsync(400))["detail"]!);
        Assert.Contains("'caseId'", (string)(await caseIdVariable.ProblemAsync(400))["detail"]!);
        Assert.Equal("Stockholm City", (string?)(await InstanceAsync((string)own["instanceId"]!))["instance"]!["office"]);
        Assert.Equal("Göteborg", (string?)(await InstanceAsync((string)chosen["instanceId"]!))["instance"]!["office"]);
        var gothenburgInbox = await (await cases.Host.As("erik").GetAsync("/api/tasks?filter=office")).OkJsonAsync();
        Assert.All(gothenburgInbox.AsArray(), t => Assert.Equal((string)chosen["instanceId"]!, (string?)t!["instanceId"]));
    }

    [Fact]
    public async Task ReadsOfAnInstanceItsJournalAndItsTasks_AreLogged_AndSoAreRefusals()
    {
        var caseId = await cases.CreateCaseAsync("anna");
        var instanceId = await cases.InstanceIdAsync(caseId);
        var taskId = (string)(await cases.TaskAsync(caseId, "Assess"))["id"]!;
        var anna = cases.Host.As("anna");
        var erik = cases.Host.As("erik");

        await (await anna.GetAsync($"/api/instances/{instanceId}")).OkJsonAsync();
        await (await anna.GetAsync($"/api/instances/{instanceId}/journal")).OkJsonAsync();
        await (await anna.GetAsync($"/api/tasks/{taskId}")).OkJsonAsync();
        await (await erik.GetAsync($"/api/instances/{instanceId}/journal")).ProblemAsync(403);
        await (await erik.GetAsync($"/api/tasks/{taskId}")).ProblemAsync(403);
        await (await erik.PostJsonAsync($"/api/tasks/{taskId}/claim", new { })).ProblemAsync(403);
        await (await erik.PostJsonAsync($"/api/tasks/{taskId}/complete", new { data = new { } })).ProblemAsync(403);

        var log = await cases.AccessLogAsync(caseId);
        Assert.Contains("anna Read instance", log);
        Assert.Contains("anna Read instance journal", log);
        Assert.Contains("anna Read task Assess", log);
        Assert.Contains("erik Denied instance journal", log);
        Assert.Contains("erik Denied task Assess", log);
        Assert.Contains("erik Denied task Assess (TaskClaimed)", log);
        Assert.Equal(4, log.Count(l => l.StartsWith("erik Denied", StringComparison.Ordinal)));
        Assert.DoesNotContain(log, l => l.Contains(CaseHost.Personnummer[..8], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListsThatShowACase_AreLoggedAsReadsOfIt_ForEveryOneWhoSeesThem()
    {
        var caseId = await cases.CreateCaseAsync("anna");

        await (await cases.Host.As("anna").GetAsync("/api/cases")).OkJsonAsync();
        await (await cases.Host.As("olle").GetAsync("/api/tasks?filter=office")).OkJsonAsync();
        await (await cases.Host.As("david").GetAsync("/api/instances")).OkJsonAsync();
        await (await cases.Host.As("cecilia").GetAsync("/api/incidents?includeResolved=true")).OkJsonAsync();
        await (await cases.Host.As("erik").GetAsync("/api/tasks?filter=office")).OkJsonAsync();

        var log = await cases.AccessLogAsync(caseId);
        Assert.Contains("anna Read case list", log);
        Assert.Contains("olle Read task list", log);
        Assert.Contains("david Read instance list", log);
        Assert.DoesNotContain(log, l => l.StartsWith("erik", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.StartsWith("cecilia", StringComparison.Ordinal)); // no incident shows the case
    }

    private async Task<JsonNode> InstanceAsync(string instanceId) =>
        await (await cases.Host.As("david").GetAsync($"/api/instances/{instanceId}")).OkJsonAsync();
}
