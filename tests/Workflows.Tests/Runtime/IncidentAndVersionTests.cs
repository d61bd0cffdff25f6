using Microsoft.EntityFrameworkCore;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class IncidentAndVersionTests
{
    [Fact]
    public async Task FailingActivity_RaisesAnIncident_AndARetryAfterTheCauseIsFixedContinues()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("flaky.bpmn");
        var key = Guid.NewGuid().ToString();
        FlakyActivity.FailFor[key] = true;

        var started = await engine.StartAsync("Flaky", new { key });

        var incident = Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId));
        Assert.Equal("Call", incident.ElementId);
        Assert.Contains("The service is down", incident.Message);
        Assert.Empty(await engine.OpenTasksAsync(started.InstanceId));

        await engine.Runtime.RetryIncidentAsync(incident.Id, Actors.ProcessOwner);
        var second = Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId));
        Assert.NotEqual(incident.Id, second.Id);

        FlakyActivity.FailFor.TryRemove(key, out _);
        await engine.Runtime.RetryIncidentAsync(second.Id, Actors.ProcessOwner);

        Assert.Empty(await engine.OpenIncidentsAsync(started.InstanceId));
        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        Assert.Equal(0, (await engine.InstanceAsync(started.InstanceId)).OpenIncidents);
        Assert.True((bool)(await engine.VariablesAsync(started.InstanceId))["ran"]!);
    }

    [Fact]
    public async Task RunningInstance_KeepsItsVersion_WhileNewInstancesStartOnTheLatestPublished()
    {
        await using var engine = await TestEngine.StartAsync();
        var v1 = await engine.PublishFileAsync("user-task.bpmn");
        var old = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var changed = BpmnFiles.Read("user-task.bpmn").Replace("Granska ärendet", "Granska ärendet noga");
        var v2 = await engine.Definitions.PublishAsync(changed, Actors.ProcessOwner);

        var fresh = await engine.StartAsync("UserTask", new { office = "Stockholm" });

        Assert.Equal((1, 2), (v1.Version!.Value, v2.Version!.Value));
        Assert.Equal(1, (await engine.InstanceAsync(old.InstanceId)).DefinitionVersion);
        Assert.Equal(2, (await engine.InstanceAsync(fresh.InstanceId)).DefinitionVersion);
        Assert.Equal("Granska ärendet", Assert.Single(await engine.OpenTasksAsync(old.InstanceId)).Title);
        Assert.Equal("Granska ärendet noga", Assert.Single(await engine.OpenTasksAsync(fresh.InstanceId)).Title);
        await engine.CompleteAsync(Assert.Single(await engine.OpenTasksAsync(old.InstanceId)), new { outcome = "Godkänd" });

        await engine.Definitions.RetireAsync("UserTask", 2);
        var afterRetire = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        Assert.Equal(1, (await engine.InstanceAsync(afterRetire.InstanceId)).DefinitionVersion);
    }

    [Fact]
    public async Task ConcurrentCompletionsOfOneTask_CompleteItExactlyOnce()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));

        var attempts = Enumerable.Range(0, 6).Select(_ => Attempt(() => engine.CompleteAsync(task, new { outcome = "Godkänd" }))).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.IsType<ConflictException>(r));
        await using var db = engine.CreateDbContext();
        Assert.Equal(1, await db.Journal.CountAsync(j => j.InstanceId == started.InstanceId && j.Kind == JournalKinds.TaskCompleted));
    }

    [Fact]
    public async Task ConcurrentCompletionsOfParallelBranches_BothSucceed_AndTheJoinPassesOnce()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("parallel.bpmn");
        var started = await engine.StartAsync("Parallel");
        var tasks = await engine.OpenTasksAsync(started.InstanceId);

        await Task.WhenAll(tasks.Select(t => engine.CompleteAsync(t)));

        Assert.Equal("C", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
    }

    [Fact]
    public async Task Journal_RecordsWhatHappenedInOrder_WithWhoAndWhere()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        await engine.CompleteAsync(Assert.Single(await engine.OpenTasksAsync(started.InstanceId)), new { outcome = "Godkänd" });

        var journal = await engine.Instances.JournalAsync(started.InstanceId);

        Assert.Equal(
            [JournalKinds.InstanceStarted, JournalKinds.TaskCreated, JournalKinds.TaskCompleted, JournalKinds.InstanceCompleted],
            journal.Select(j => j.Kind));
        Assert.Equal("Review", journal[2].ElementId);
        Assert.Equal("anna", journal[2].Actor);
        Assert.Contains("Godkänd", journal[2].Data);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
