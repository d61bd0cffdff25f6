using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Verkstallighet.Host.Simulation;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Workflows;

namespace Verkstallighet.Host.Tests.Api;

/// <summary>
/// Simulations (issue 11, point 5): a workflow's version or draft runs in a sandbox of its own, on its own clock, and
/// nothing it does reaches the real cases, timers, clock, Hangfire or inbox.
/// </summary>
public sealed class SimulationsApiTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    private HttpClient Owner => cases.Host.As("cecilia");

    private async Task<JsonNode> StartAsync(object? body = null) =>
        await (await Owner.PostJsonAsync("/api/simulations", body ?? new
        {
            definitionKey = "Supervision",
            version = 1,
            start = "2026-01-31",
            variables = new { supervisionStart = "2026-01-31", supervisionEnd = "2027-01-30" },
        })).OkJsonAsync();

    private static string Id(JsonNode simulation) => (string)simulation["id"]!;

    private static JsonNode OpenTask(JsonNode state, string elementId) =>
        state["instance"]!["openTasks"]!.AsArray().SingleOrDefault(t => (string?)t!["elementId"] == elementId)
        ?? throw new InvalidOperationException($"No open task '{elementId}'. Open: "
            + string.Join(", ", state["instance"]!["openTasks"]!.AsArray().Select(t => (string?)t!["elementId"])));

    private async Task<JsonNode> CompleteAsync(JsonNode state, string elementId, object data) =>
        await (await Owner.PostJsonAsync($"/api/simulations/{Id(state)}/tasks/{(string)OpenTask(state, elementId)["id"]!}/complete", new { data })).OkJsonAsync();

    private async Task<JsonNode> AdvanceAsync(JsonNode state, object body) =>
        await (await Owner.PostJsonAsync($"/api/simulations/{Id(state)}/advance", body)).OkJsonAsync();

    [Fact]
    public async Task Simulation_FiresThePlanDeadline_AtItsDueTimeInSimulatedTime_AndShowsTheEscalation()
    {
        var state = await StartAsync();
        Assert.Equal("2026-01-31", (string?)state["today"]);
        Assert.NotNull(OpenTask(state, "Assess")["form"]);

        state = await CompleteAsync(state, "Assess", CaseHost.Assessment());
        Assert.Equal("2026-02-28", (string?)OpenTask(state, "PlanDraft")["dueDate"]);
        Assert.Contains(state["instance"]!["pendingTimers"]!.AsArray(), t => (string?)t!["deadlineRule"] == "PlanEstablishment");

        state = await AdvanceAsync(state, new { by = "P1M" });
        Assert.Equal("2026-02-28", (string?)state["today"]);
        Assert.Empty(state["lastAdvance"]!["fired"]!.AsArray());

        state = await AdvanceAsync(state, new { by = "P1D" });
        var fired = Assert.Single(state["lastAdvance"]!["fired"]!.AsArray(), f => (string?)f!["deadlineRule"] == "PlanEstablishment")!;
        // The plan was due on 28 February; the deadline fires at the start of the next day, Stockholm time.
        Assert.Equal(("2026-02-28T23:00:00Z", "Fired"), ((string?)fired["dueAt"], (string?)fired["outcome"]));
        Assert.Equal("2026-03-01", (string?)state["today"]);
        Assert.Equal("Chief", (string?)OpenTask(state, "EscalatePlan")["candidateRole"]);
        Assert.Equal("2026-02-28T23:00:00Z", (string?)OpenTask(state, "EscalatePlan")["createdAt"]);
        Assert.Equal("Overdue", (string?)state["deadlines"]!.AsArray().Single(d => (string?)d!["rule"] == "PlanEstablishment")!["status"]);
        Assert.Contains(state["journal"]!.AsArray(), j => (string?)j!["kind"] == "TimerFired" && (string?)j["at"] == "2026-02-28T23:00:00Z");

        // Each call opens the sandbox afresh from its database: reading it again shows the same simulated time.
        var read = await (await Owner.GetAsync($"/api/simulations/{Id(state)}")).OkJsonAsync();
        Assert.Equal((string?)state["now"], (string?)read["now"]);
    }

    [Fact]
    public async Task Simulation_ReachesNoRealInstanceTaskTimerJournalNotificationOrCase_NorTheClockInboxOrHangfire()
    {
        var realCase = await cases.CreateCaseAsync();
        var inboxBefore = await InboxAsync();
        var clockBefore = await (await cases.Host.As("david").GetAsync("/api/clock")).OkJsonAsync();
        var before = await RealCountsAsync();

        var state = await StartAsync();
        state = await CompleteAsync(state, "Assess", CaseHost.Assessment());
        state = await AdvanceAsync(state, new { to = "2026-08-15" });
        var firedIds = state["lastAdvance"]!["fired"]!.AsArray().Select(f => (string)f!["timerId"]!).ToList();
        Assert.Contains(state["lastAdvance"]!["fired"]!.AsArray(), f => (string?)f!["deadlineRule"] == "PlanEstablishment");
        await (await Owner.PostJsonAsync($"/api/simulations/{Id(state)}/messages", new { name = "ProgrammeCompleted" })).OkJsonAsync();

        Assert.Equal(before, await RealCountsAsync());
        Assert.Equal(clockBefore.ToJsonString(), (await (await cases.Host.As("david").GetAsync("/api/clock")).OkJsonAsync()).ToJsonString());
        Assert.Equal(inboxBefore, await InboxAsync());
        Assert.Equal(0, await RealScalarAsync(
            "SELECT count(*)::int FROM hangfire.job WHERE " + string.Join(" OR ", firedIds.Select((_, i) => $"arguments::text LIKE '%' || ${i + 1} || '%'")),
            firedIds.Cast<object>().ToArray()));
        Assert.Empty((await (await Owner.GetAsync($"/api/instances?correlationId={(string)state["caseId"]!}")).OkJsonAsync()).AsArray());
        Assert.Equal("Active", (string?)(await cases.CaseAsync(realCase))["client"]!["status"]);

        // Deleting it drops its database, and all it did with it.
        var sandboxes = await RealScalarAsync("SELECT count(*)::int FROM pg_database WHERE datname LIKE current_database() || '_sim_%'");
        Assert.Equal(204, (int)(await Owner.DeleteAsync($"/api/simulations/{Id(state)}")).StatusCode);
        Assert.Equal(sandboxes - 1, await RealScalarAsync("SELECT count(*)::int FROM pg_database WHERE datname LIKE current_database() || '_sim_%'"));
        await (await Owner.GetAsync($"/api/simulations/{Id(state)}")).ProblemAsync(404);
    }

    [Fact]
    public async Task Simulation_OfADraftWithProblems_IsRefusedWithItsProblems()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="D" targetNamespace="urn:test">
              <bpmn:process id="Broken" isExecutable="true">
                <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:serviceTask id="Odd" vp:activity="NoSuchActivity"><bpmn:incoming>F1</bpmn:incoming></bpmn:serviceTask>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Odd" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var saved = await Owner.PutAsync("/api/definitions/Broken/draft", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
        await saved.OkJsonAsync();

        var problem = await (await Owner.PostJsonAsync("/api/simulations", new { definitionKey = "Broken" })).ProblemAsync(400);

        Assert.Contains(problem["problems"]!.AsArray(), p => (string?)p!["elementId"] == "Odd");
    }

    [Fact]
    public async Task Simulations_AreRefusedToAnOfficer_AndToAnotherProcessOwner_ButOpenToAnAdministrator()
    {
        var state = await StartAsync();
        // The seeded users have one process owner; another is an actor the service is given.
        var otherOwner = new Actor("petra", new HashSet<string> { "ProcessOwner" }, null);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            cases.Host.Services.GetRequiredService<SimulationService>().GetAsync(Guid.Parse(Id(state)), otherOwner, CancellationToken.None));

        await (await cases.Host.As("anna").PostJsonAsync("/api/simulations", new { definitionKey = "Supervision" })).ProblemAsync(403);
        await (await cases.Host.As("anna").GetAsync($"/api/simulations/{Id(state)}")).ProblemAsync(403);
        await (await cases.Host.As("david").GetAsync($"/api/simulations/{Id(state)}")).OkJsonAsync();
        var listed = Assert.Single((await (await Owner.GetAsync("/api/simulations")).OkJsonAsync()).AsArray())!;
        Assert.Equal((Id(state), "cecilia", "Supervision", (string?)state["now"]), ((string)listed["id"]!, (string?)listed["owner"], (string?)listed["definitionKey"], (string?)listed["now"]));
        Assert.Single((await (await cases.Host.As("david").GetAsync("/api/simulations")).OkJsonAsync()).AsArray());
    }

    [Fact]
    public async Task BadInput_IsAProblem_NeverA500()
    {
        await (await Owner.GetAsync($"/api/simulations/{Guid.NewGuid()}")).ProblemAsync(404);
        await (await Owner.PostJsonAsync("/api/simulations", new { definitionKey = "NoSuchWorkflow" })).ProblemAsync(404);
        await (await Owner.PostJsonAsync("/api/simulations", new { definitionKey = "Supervision", version = 1, variables = new { caseId = "x" } })).ProblemAsync(400);
        await (await Owner.PostJsonAsync("/api/simulations", new { definitionKey = "Supervision", version = 1, start = "someday" })).ProblemAsync(400);
        var invalidCase = await (await Owner.PostJsonAsync("/api/simulations", new
        {
            definitionKey = "Supervision", version = 1, start = "2026-01-31", variables = new { supervisionStart = "2026-01-31", supervisionEnd = "2026-01-01" },
        })).ProblemAsync(400);
        Assert.NotNull(invalidCase["errors"]?["supervisionEnd"]);

        var state = await StartAsync();
        var id = Id(state);
        await (await Owner.PostJsonAsync($"/api/simulations/{id}/advance", new { by = "one month" })).ProblemAsync(400);
        await (await Owner.PostJsonAsync($"/api/simulations/{id}/advance", new { to = "2025-01-01" })).ProblemAsync(400);
        await (await Owner.PostJsonAsync($"/api/simulations/{id}/advance", new { })).ProblemAsync(400);
        var assess = (string)OpenTask(state, "Assess")["id"]!;
        await (await Owner.PostJsonAsync($"/api/simulations/{id}/tasks/{assess}/complete", new { data = new { } })).ProblemAsync(400);
        await (await Owner.PostJsonAsync($"/api/simulations/{id}/tasks/{Guid.NewGuid()}/complete", new { data = new { } })).ProblemAsync(404);
        await CompleteAsync(state, "Assess", CaseHost.Assessment());
        await (await Owner.PostJsonAsync($"/api/simulations/{id}/tasks/{assess}/complete", new { data = CaseHost.Assessment() })).ProblemAsync(409);
        await (await Owner.PostJsonAsync($"/api/simulations/{id}/messages", new { name = "NoSuchMessage" })).ProblemAsync(409);
    }

    private async Task<string> InboxAsync() =>
        (await (await cases.Host.As("anna").GetAsync("/api/tasks")).OkJsonAsync()).ToJsonString();

    /// <summary>The real database's rows that a simulation could have written to, had it not been isolated.</summary>
    private async Task<string> RealCountsAsync()
    {
        var counts = new List<string>();
        foreach (var table in new[]
                 {
                     "workflows.instances", "workflows.human_tasks", "workflows.timers", "workflows.journal", "workflows.notifications",
                     "workflows.bookmarks", "workflows.definitions", "workflows.clock_state", "verkstallighet.cases", "verkstallighet.access_log",
                 })
        {
            counts.Add($"{table}={await RealScalarAsync($"SELECT count(*)::int FROM {table}")}");
        }

        counts.Add($"fire jobs={await RealScalarAsync("SELECT count(*)::int FROM hangfire.job WHERE invocationdata::text LIKE '%TimerFireJob%'")}");
        return string.Join(", ", counts);
    }

    private async Task<int> RealScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(cases.Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (int)(await command.ExecuteScalarAsync())!;
    }
}
