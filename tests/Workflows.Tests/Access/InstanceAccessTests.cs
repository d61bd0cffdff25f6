using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Tests.Access;

public sealed class InstanceAccessTests
{
    private sealed class RecordingLog : IInstanceAccessLog
    {
        public List<string> Lines { get; } = [];

        public Task RecordAsync(Guid instanceId, Actor actor, InstanceAccessKind kind, string what, CancellationToken cancellationToken)
        {
            lock (Lines)
            {
                Lines.Add($"{actor.UserId} {kind} {what}");
            }

            return Task.CompletedTask;
        }

        public Task RecordListedAsync(IReadOnlyCollection<Guid> instanceIds, Actor actor, string what, CancellationToken cancellationToken)
        {
            lock (Lines)
            {
                Lines.AddRange(instanceIds.Select(_ => $"{actor.UserId} Listed {what}"));
            }

            return Task.CompletedTask;
        }
    }

    private static async Task<(TestEngine Engine, RecordingLog Log)> StartAsync()
    {
        var log = new RecordingLog();
        var engine = await TestEngine.StartAsync(configure: services => services.AddSingleton<IInstanceAccessLog>(log));
        await engine.PublishFileAsync("intermediate-message.bpmn");
        return (engine, log);
    }

    [Fact]
    public async Task Message_ToAnInstanceOfAnotherOffice_IsForbidden_Recorded_AndChangesNothing()
    {
        var (engine, log) = await StartAsync();
        await using var _ = engine;
        var started = await engine.StartAsync("IntermediateMessage", correlationId: "case-1");

        await Assert.ThrowsAsync<ForbiddenException>(() => engine.Runtime.SignalAsync("Done", null, "case-1", new() { ["result"] = "x" }, Actors.OfficerElsewhere));
        await Assert.ThrowsAsync<ForbiddenException>(() => engine.Runtime.SignalAsync("Done", started.InstanceId, null, null, Actors.OfficerElsewhere));

        Assert.Equal(["erik Denied message Done", "erik Denied message Done"], log.Lines);
        Assert.Empty(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Null((await engine.VariablesAsync(started.InstanceId))["result"]);
        await engine.Runtime.SignalAsync("Done", null, "case-1", new() { ["result"] = "x" }, Actors.ProcessOwner);
        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
    }

    [Fact]
    public async Task Message_SetsOnlyDeclaredVariables_AndNeverTheOffice()
    {
        var (engine, _) = await StartAsync();
        await using var __ = engine;
        var started = await engine.StartAsync("IntermediateMessage", correlationId: "case-2");

        var office = await Assert.ThrowsAsync<BadRequestException>(() => engine.Runtime.SignalAsync("Done", null, "case-2", new() { ["office"] = "Göteborg" }, Actors.Officer));
        var undeclared = await Assert.ThrowsAsync<BadRequestException>(() => engine.Runtime.SignalAsync("Done", null, "case-2", new() { ["result"] = "ok", ["extra"] = 1 }, Actors.Officer));

        Assert.Contains("'office'", office.Message);
        Assert.Contains("'extra'", undeclared.Message);
        Assert.DoesNotContain("'result'", undeclared.Message.Split("It declares")[0]);
        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal(("Stockholm", "Stockholm"), (instance.Office, (string?)(await engine.VariablesAsync(started.InstanceId))["office"]));
        Assert.Empty(await engine.OpenTasksAsync(started.InstanceId));
    }

    [Fact]
    public async Task Start_BelongsToTheStartersOffice_AndOnlyAChoosingRoleMayNameAnother()
    {
        var (engine, _) = await StartAsync();
        await using var __ = engine;
        var chooser = new Actor("frida", new HashSet<string> { "Chief" }, "Göteborg");
        engine.Services.GetRequiredService<InstanceAccess>().Options.ChooseOfficeRoles.Add("Chief");

        var own = await engine.Runtime.StartAsync(new StartInstance("IntermediateMessage"), Actors.Officer);
        var chosen = await engine.Runtime.StartAsync(new StartInstance("IntermediateMessage", Office: "Stockholm"), chooser);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => engine.Runtime.StartAsync(new StartInstance("IntermediateMessage", Office: "Göteborg"), Actors.Officer));
        var inVariables = await Assert.ThrowsAsync<BadRequestException>(() => engine.Runtime.StartAsync(new StartInstance("IntermediateMessage", new() { ["office"] = "Göteborg" }), Actors.Officer));

        Assert.Equal("Stockholm", (await engine.InstanceAsync(own.InstanceId)).Office);
        Assert.Equal("Stockholm", (await engine.InstanceAsync(chosen.InstanceId)).Office);
        Assert.Contains("Göteborg", refused.Message);
        Assert.Contains("'office'", inVariables.Message);
    }

    [Fact]
    public async Task Message_ByCorrelation_ReachesTheActorsOwnInstance_WhenAnotherOfficeUsesTheSameKey()
    {
        var (engine, _) = await StartAsync();
        await using var __ = engine;
        var own = await engine.StartAsync("IntermediateMessage", correlationId: "shared-key");
        var foreign = await engine.StartAsync("IntermediateMessage", new { office = "Göteborg" }, correlationId: "shared-key");

        await engine.Runtime.SignalAsync("Done", null, "shared-key", null, Actors.Officer);

        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(own.InstanceId)).ElementId);
        Assert.Empty(await engine.OpenTasksAsync(foreign.InstanceId));
    }

    [Fact]
    public async Task InboxList_RecordsARead_ForEachInstanceItShows()
    {
        var log = new RecordingLog();
        await using var engine = await TestEngine.StartAsync(configure: services => services.AddSingleton<IInstanceAccessLog>(log));
        await engine.PublishFileAsync("user-task.bpmn");
        await engine.StartAsync("UserTask");
        await engine.StartAsync("UserTask");

        var listed = (await engine.Inbox.ListAsync(Actors.Officer, new Workflows.Tasks.TaskListQuery(Workflows.Tasks.TaskFilter.Office))).Items;

        Assert.Equal(2, listed.Count);
        Assert.Equal(["anna Listed task list", "anna Listed task list"], log.Lines);
    }
}
