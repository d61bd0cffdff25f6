using System.Text.Json.Nodes;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

/// <summary>
/// Issue 11, point 6: a process owner migrates running instances to another version through the API, with a dry run
/// first; an apply that cannot be applied cleanly is a 409 with the problems, and changes nothing.
/// </summary>
public sealed class MigrationsApiTests : IAsyncLifetime
{
    private const string Version1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="M" targetNamespace="urn:migrate">
          <bpmn:process id="MigrateApi" isExecutable="true">
            <bpmn:startEvent id="Start"/>
            <bpmn:userTask id="Draft" name="Upprätta plan"/>
            <bpmn:boundaryEvent id="Overdue" attachedToRef="Draft" cancelActivity="false">
              <bpmn:timerEventDefinition vp:deadlineRule="PlanEstablishment" vp:anchor="supervisionStart"/>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="Done"/>
            <bpmn:endEvent id="Escalated"/>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Draft"/>
            <bpmn:sequenceFlow id="f2" sourceRef="Draft" targetRef="Done"/>
            <bpmn:sequenceFlow id="f3" sourceRef="Overdue" targetRef="Escalated"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly string Version2 = Version1
        .Replace("id=\"Draft\" name=\"Upprätta plan\"", "id=\"DraftPlan\" name=\"Upprätta planen\"")
        .Replace("Ref=\"Draft\"", "Ref=\"DraftPlan\"");

    private static readonly object Mapping = new Dictionary<string, string> { ["Draft"] = "DraftPlan" };

    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task DryRunThenApply_MovesTheWaitingTaskToTheMappedElement_AndTheJournalSaysWhoDidIt()
    {
        var instanceId = await StartOnVersion1Async();
        var taskId = await OpenTaskIdAsync(instanceId);
        await PublishAsync(Version2);

        var dryRun = await (await Cecilia.PostJsonAsync("/api/migrations/dry-run", Request())).OkJsonAsync();
        Assert.True((bool)dryRun["canApply"]!);
        var planned = dryRun["instances"]![0]!;
        Assert.Equal(instanceId, (string?)planned["instanceId"]);
        Assert.Contains(planned["moves"]!.AsArray(), m => (string?)m!["from"] == "Draft" && (string?)m["to"] == "DraftPlan" && (string?)m["what"] == "token");
        var timer = planned["timers"]![0]!;
        Assert.Equal(("Overdue", "Overdue", "Keep", "2026-02-28", "2026-02-28"),
            ((string?)timer["fromElement"], (string?)timer["toElement"], (string?)timer["choice"], (string?)timer["oldDueDate"], (string?)timer["newDueDate"]));
        Assert.Equal((taskId, "DraftPlan", "Upprätta planen"), ((string?)planned["tasks"]![0]!["taskId"], (string?)planned["tasks"]![0]!["toElement"], (string?)planned["tasks"]![0]!["newTitle"]));

        var applied = await (await Cecilia.PostJsonAsync("/api/migrations/apply", Request(dryRun["revisions"]))).OkJsonAsync();

        Assert.True((bool)applied["applied"]!);
        var instance = await (await Cecilia.GetAsync($"/api/instances/{instanceId}")).OkJsonAsync();
        Assert.Equal(2, (int)instance["instance"]!["definitionVersion"]!);
        var task = await (await host.As("anna").GetAsync($"/api/tasks/{taskId}")).OkJsonAsync();
        Assert.Equal(("DraftPlan", "Upprätta planen"), ((string?)task["elementId"], (string?)task["title"]));
        var journal = (await (await Cecilia.GetAsync($"/api/instances/{instanceId}/journal")).OkJsonAsync()).AsArray();
        var entry = Assert.Single(journal, j => (string?)j!["kind"] == "InstanceMigrated")!;
        Assert.Equal("cecilia", (string?)entry["actor"]);
    }

    [Fact]
    public async Task Apply_AfterTheInstanceMovedOn_Is409AskingForANewDryRun_AndChangesNothing()
    {
        var instanceId = await StartOnVersion1Async();
        await PublishAsync(Version2);
        var dryRun = await (await Cecilia.PostJsonAsync("/api/migrations/dry-run", Request())).OkJsonAsync();
        var stale = new JsonObject { [instanceId] = (int)dryRun["revisions"]![instanceId]! - 1 };

        var problem = await (await Cecilia.PostJsonAsync("/api/migrations/apply", Request(stale))).ProblemAsync(409);

        Assert.Contains("new dry run", (string?)problem["detail"]);
        Assert.Equal(instanceId, (string?)problem["problems"]![0]!["instanceId"]);
        await AssertStillOnVersion1Async(instanceId);
    }

    [Fact]
    public async Task Apply_OfAPlanWithProblems_Is409NamingTheInstanceAndElement_AndChangesNothing()
    {
        var instanceId = await StartOnVersion1Async();
        await PublishAsync(Version2);
        var unmapped = new { definitionKey = "MigrateApi", sourceVersion = 1, targetVersion = 2 };
        var dryRun = await (await Cecilia.PostJsonAsync("/api/migrations/dry-run", unmapped)).OkJsonAsync();
        Assert.False((bool)dryRun["canApply"]!);

        var problem = await (await Cecilia.PostJsonAsync("/api/migrations/apply",
            new { definitionKey = "MigrateApi", sourceVersion = 1, targetVersion = 2, expectedRevisions = dryRun["revisions"]!.DeepClone() })).ProblemAsync(409);

        Assert.Contains(problem["problems"]!.AsArray(), p => (string?)p!["instanceId"] == instanceId && (string?)p["elementId"] == "Draft");
        await AssertStillOnVersion1Async(instanceId);
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("bertil")]
    public async Task DryRunAndApply_AreForbidden_ToOfficersAndChiefs(string user)
    {
        var instanceId = await StartOnVersion1Async();
        await PublishAsync(Version2);

        await (await host.As(user).PostJsonAsync("/api/migrations/dry-run", Request())).ProblemAsync(403);
        await (await host.As(user).PostJsonAsync("/api/migrations/apply", Request(new JsonObject { [instanceId] = 1 }))).ProblemAsync(403);

        await AssertStillOnVersion1Async(instanceId);
        await (await host.As("david").PostJsonAsync("/api/migrations/dry-run", Request())).OkJsonAsync(); // an administrator may
    }

    [Fact]
    public async Task Migration_ToTheSameVersionOrWithBlankElementsOrChoices_Is400_AndToAVersionThatDoesNotExist_Is404()
    {
        await StartOnVersion1Async();

        var same = await (await Cecilia.PostJsonAsync("/api/migrations/dry-run", new { definitionKey = "MigrateApi", sourceVersion = 1, targetVersion = 1 })).ProblemAsync(400);
        var missing = await (await Cecilia.PostJsonAsync("/api/migrations/dry-run", new { definitionKey = "MigrateApi", sourceVersion = 1, targetVersion = 7 })).ProblemAsync(404);

        var blank = await (await Cecilia.PostJsonAsync("/api/migrations/dry-run", new { definitionKey = "MigrateApi", sourceVersion = 1, targetVersion = 2, waitingAt = new string?[] { null } })).ProblemAsync(400);
        var choice = await (await Cecilia.PostJsonAsync("/api/migrations/dry-run", new { definitionKey = "MigrateApi", sourceVersion = 1, targetVersion = 2, timers = new { Overdue = 7 } })).ProblemAsync(400);

        Assert.Contains("already run version 1", (string?)same["detail"]);
        Assert.Contains("Keep or Recompute", (string?)blank["detail"]);
        Assert.Contains("Keep or Recompute", (string?)choice["detail"]);
        Assert.Contains("no version 7", (string?)missing["detail"]);
    }

    private HttpClient Cecilia => host.As("cecilia");

    private static object Request(JsonNode? revisions = null) => new
    {
        definitionKey = "MigrateApi",
        sourceVersion = 1,
        targetVersion = 2,
        mapping = Mapping,
        expectedRevisions = revisions?.DeepClone(),
    };

    private async Task PublishAsync(string xml) => await (await Cecilia.PostXmlAsync("/api/definitions", xml)).OkJsonAsync();

    private async Task<string> StartOnVersion1Async()
    {
        await PublishAsync(Version1);
        var started = await (await host.As("anna").PostJsonAsync("/api/instances",
            new { definitionKey = "MigrateApi", variables = new { supervisionStart = "2026-01-31" } })).OkJsonAsync();
        return (string)started["instanceId"]!;
    }

    private async Task<string> OpenTaskIdAsync(string instanceId) =>
        (string)(await (await Cecilia.GetAsync($"/api/instances/{instanceId}")).OkJsonAsync())["openTasks"]![0]!["id"]!;

    private async Task AssertStillOnVersion1Async(string instanceId)
    {
        var instance = await (await Cecilia.GetAsync($"/api/instances/{instanceId}")).OkJsonAsync();
        Assert.Equal(1, (int)instance["instance"]!["definitionVersion"]!);
        Assert.Equal("Draft", (string?)instance["openTasks"]![0]!["elementId"]);
        var journal = (await (await Cecilia.GetAsync($"/api/instances/{instanceId}/journal")).OkJsonAsync()).AsArray();
        Assert.DoesNotContain(journal, j => (string?)j!["kind"] == "InstanceMigrated");
    }
}
