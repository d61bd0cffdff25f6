using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

public sealed class InstancesAndTasksApiTests : IAsyncLifetime
{
    private HostFactory host = null!;

    public async Task InitializeAsync()
    {
        host = await HostFactory.StartAsync();
        await (await host.As("cecilia").PostXmlAsync("/api/definitions", HttpJson.Read("Tour", "granskning.bpmn"))).OkJsonAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>anna starts it, so it belongs to her office, Stockholm City.</summary>
    private async Task<(string InstanceId, string TaskId)> StartAsync()
    {
        var started = await (await host.As("anna").PostJsonAsync("/api/instances", new
        {
            definitionKey = "Granskning",
            correlationId = "case-" + Guid.NewGuid().ToString("N")[..6],
            variables = new { receivedDate = "2026-01-31" },
        })).OkJsonAsync();
        return ((string)started["instanceId"]!, (string)started["openedTaskIds"]![0]!);
    }

    [Fact]
    public async Task Task_IsListedReadClaimedAndCompleted_AndTheWorkflowContinues()
    {
        var (instanceId, taskId) = await StartAsync();
        var anna = host.As("anna");

        var office = await (await anna.GetAsync("/api/tasks?filter=office")).OkJsonAsync();
        var byRole = await (await anna.GetAsync("/api/tasks")).OkJsonAsync();
        Assert.Contains(office.AsArray(), t => (string?)t!["id"] == taskId);
        Assert.Contains(byRole.AsArray(), t => (string?)t!["id"] == taskId);

        var task = await (await anna.GetAsync($"/api/tasks/{taskId}")).OkJsonAsync();
        Assert.Equal("Granska ärendet", (string?)task["title"]);
        Assert.Equal("2026-02-28", (string?)task["dueDate"]);
        Assert.Equal("Utfall", (string?)task["form"]!["properties"]!["outcome"]!["title"]);

        var claimed = await (await anna.PostJsonAsync($"/api/tasks/{taskId}/claim", new { version = 1 })).OkJsonAsync();
        Assert.Equal("anna", (string?)claimed["assignee"]);
        Assert.Contains((await (await anna.GetAsync("/api/tasks?filter=mine")).OkJsonAsync()).AsArray(), t => (string?)t!["id"] == taskId);

        var invalid = await anna.PostJsonAsync($"/api/tasks/{taskId}/complete", new { data = new { outcome = "Kanske" } });
        var errors = (await invalid.ProblemAsync(400))["errors"]!;
        Assert.Contains("Godkänd", (string)errors["outcome"]![0]!);

        var stale = await anna.PostJsonAsync($"/api/tasks/{taskId}/complete", new { data = new { outcome = "Avslagen" }, version = 1 });
        await stale.ProblemAsync(409);

        var done = await (await anna.PostJsonAsync($"/api/tasks/{taskId}/complete", new { data = new { outcome = "Avslagen" } })).OkJsonAsync();
        Assert.Equal("Running", (string?)done["status"]);

        var twice = await anna.PostJsonAsync($"/api/tasks/{taskId}/complete", new { data = new { outcome = "Avslagen" } });
        Assert.Contains("already completed", (string)(await twice.ProblemAsync(409))["detail"]!);

        var instance = await (await anna.GetAsync($"/api/instances/{instanceId}")).OkJsonAsync();
        Assert.Equal("Notify", (string?)instance["openTasks"]![0]!["elementId"]);
        Assert.Equal(["Notify"], instance["waitingAt"]!.AsArray().Select(n => (string)n!));
        var journal = await (await anna.GetAsync($"/api/instances/{instanceId}/journal")).OkJsonAsync();
        Assert.Contains(journal.AsArray(), j => (string?)j!["kind"] == "TaskCompleted" && (string?)j["actor"] == "anna");
    }

    [Fact]
    public async Task OfficerOfAnotherOffice_IsRefusedWithAReason()
    {
        var (instanceId, taskId) = await StartAsync();
        var erik = host.As("erik");

        var task = await erik.GetAsync($"/api/tasks/{taskId}");
        var complete = await erik.PostJsonAsync($"/api/tasks/{taskId}/complete", new { data = new { outcome = "Godkänd" } });
        var instance = await erik.GetAsync($"/api/instances/{instanceId}");

        Assert.Contains("Stockholm City", (string)(await task.ProblemAsync(403))["detail"]!);
        Assert.Contains("Göteborg", (string)(await complete.ProblemAsync(403))["detail"]!);
        await instance.ProblemAsync(403);
        Assert.DoesNotContain((await (await erik.GetAsync("/api/tasks?filter=office")).OkJsonAsync()).AsArray(), t => (string?)t!["id"] == taskId);
    }

    [Fact]
    public async Task MalformedRequests_Get400ProblemDetails()
    {
        var anna = host.As("anna");

        var badJson = await anna.PostAsync("/api/instances", new StringContent("{\"definitionKey\": ", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await anna.PostAsync("/api/instances", new StringContent("{\"definitionKey\": 5}", System.Text.Encoding.UTF8, "application/json"));
        var missingKey = await anna.PostJsonAsync("/api/instances", new { variables = new { } });
        var badFilter = await anna.GetAsync("/api/tasks?filter=everything");
        var unknownTask = await anna.PostJsonAsync($"/api/tasks/{Guid.NewGuid()}/complete", new { data = new { } });
        var unknownDefinition = await anna.PostJsonAsync("/api/instances", new { definitionKey = "NoSuchWorkflow" });

        await badJson.ProblemAsync(400);
        await wrongType.ProblemAsync(400);
        await missingKey.ProblemAsync(400);
        await badFilter.ProblemAsync(400);
        await unknownTask.ProblemAsync(404);
        await unknownDefinition.ProblemAsync(404);
    }

    [Fact]
    public async Task OversizedJsonBody_IsRefusedWithProblemDetails()
    {
        var huge = new string('x', 5 * 1024 * 1024);

        var response = await host.As("anna").PostJsonAsync("/api/instances", new { definitionKey = "Granskning", variables = new { huge } });

        await response.ProblemAsync(413);
    }

    [Fact]
    public async Task Message_NobodyWaitsFor_Is409SayingSo_AndAMessageNeedsATarget()
    {
        var (instanceId, _) = await StartAsync();
        var anna = host.As("anna");

        var toInstance = await anna.PostJsonAsync("/api/messages", new { name = "Nothing", instanceId });
        var toCorrelation = await anna.PostJsonAsync("/api/messages", new { name = "Nothing", correlationId = "nobody" });
        var noTarget = await anna.PostJsonAsync("/api/messages", new { name = "Nothing" });

        Assert.Contains("not waiting for the message 'Nothing'", (string)(await toInstance.ProblemAsync(409))["detail"]!);
        Assert.Contains("No instance with correlation 'nobody'", (string)(await toCorrelation.ProblemAsync(409))["detail"]!);
        await noTarget.ProblemAsync(400);
    }

    [Fact]
    public async Task Activities_AreListedWithTypedInputsAndSwedishNames()
    {
        var activities = await (await host.As("anna").GetAsync("/api/activities")).OkJsonAsync();

        var manual = activities.AsArray().Single(a => (string?)a!["type"] == "ManualTask")!;
        Assert.Equal("Manuell uppgift", (string?)manual["displayName"]);
        Assert.Equal("Human", (string?)manual["kind"]);
        Assert.Contains(manual["inputs"]!.AsArray(), i => (string?)i!["name"] == "candidateRole" && (string?)i["type"] == "string");
        var automatic = activities.AsArray().Single(a => (string?)a!["type"] == "AddPeriodToDate")!;
        Assert.Equal("Automatic", (string?)automatic["kind"]);
        Assert.Equal("date", (string?)automatic["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "date")!["type"]);
    }

    [Fact]
    public async Task DeadlineRules_AreSeededWithTheirLegalReferences()
    {
        var rules = await (await host.As("anna").GetAsync("/api/deadline-rules")).OkJsonAsync();

        var plan = rules.AsArray().Single(r => (string?)r!["key"] == "PlanEstablishment")!;
        Assert.Equal("P1M", (string?)plan["period"]);
        Assert.Contains("16 §", (string?)plan["legalReference"]);
        Assert.Equal("P4W", (string?)rules.AsArray().Single(r => (string?)r!["key"] == "FollowUpAfterTransfer")!["period"]);
    }
}
