using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class GatewayTests
{
    [Theory]
    [InlineData("Hög", 0, "High")]
    [InlineData("Medel", 0, "Medium")]
    [InlineData("Låg", 9, "Medium")]
    [InlineData("Låg", 1, "Low")]
    public async Task ExclusiveGateway_TakesTheFirstTrueConditionInDocumentOrder_ElseTheDefault(string risk, int score, string expected)
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("exclusive.bpmn");

        var started = await engine.StartAsync("Exclusive", new { risk, score });

        Assert.Equal(expected, Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
    }

    [Fact]
    public async Task ExclusiveGateway_WithNoTrueConditionAndNoDefault_RaisesAnIncidentAtTheGateway()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("exclusive-no-default.bpmn");

        var started = await engine.StartAsync("ExclusiveNoDefault", new { choice = "C" });

        var incident = Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId));
        Assert.Equal("Choose", incident.ElementId);
        Assert.Contains("no default flow", incident.Message);
        Assert.Empty(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal(1, (await engine.InstanceAsync(started.InstanceId)).OpenIncidents);
    }

    [Fact]
    public async Task ExclusiveGateway_WithUnknownVariable_RaisesAnIncidentNamingIt()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("exclusive-no-default.bpmn");

        var started = await engine.StartAsync("ExclusiveNoDefault");

        Assert.Contains("choice", Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId)).Message);
    }

    [Fact]
    public async Task ParallelGateway_ForksAndTheJoinWaitsForEveryIncomingFlow()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("parallel.bpmn");
        var started = await engine.StartAsync("Parallel");

        var tasks = await engine.OpenTasksAsync(started.InstanceId);
        Assert.Equal(["A", "B"], tasks.Select(t => t.ElementId).Order());

        await engine.CompleteAsync(tasks.Single(t => t.ElementId == "A"));
        Assert.Equal(["B"], (await engine.OpenTasksAsync(started.InstanceId)).Select(t => t.ElementId));

        await engine.CompleteAsync(tasks.Single(t => t.ElementId == "B"));
        var c = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal("C", c.ElementId);
        Assert.Equal(InstanceStatus.Completed, (await engine.CompleteAsync(c)).Status);
    }

    [Fact]
    public async Task EventBasedGateway_MessageFirst_WithdrawsTheTimer()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-based.bpmn");
        var started = await engine.StartAsync("EventBased", correlationId: "case-1");
        var timer = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));

        await engine.Runtime.SignalAsync("Answer", null, "case-1", new() { ["answer"] = "ja" }, Actors.Officer);

        Assert.Equal("Handle", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
        Assert.Equal(TimerFireOutcome.Stale, await engine.FireAsync(timer));
        Assert.Equal("ja", (string?)(await engine.VariablesAsync(started.InstanceId))["answer"]);
    }

    [Fact]
    public async Task EventBasedGateway_TimerFirst_WithdrawsTheMessageSubscription()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-based.bpmn");
        var started = await engine.StartAsync("EventBased", correlationId: "case-2");

        await engine.FireNextAsync(started.InstanceId, "TwoDays");

        Assert.Equal("Remind", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.SignalAsync("Answer", null, "case-2", null, Actors.Officer));
    }
}
