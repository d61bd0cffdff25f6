using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class TaskTests
{
    [Fact]
    public async Task UserTask_OpensTaskWithTitleRoleInstructionsAndOfficeFromVariables_AndCompletingItEndsTheInstance()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");

        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });

        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal(started.OpenedTaskIds, [task.Id]);
        Assert.Equal("Granska ärendet", task.Title);
        Assert.Equal("Officer", task.CandidateRole);
        Assert.Equal("Stockholm", task.Office);
        Assert.Equal("Granska underlaget enligt 7 §.", task.Instructions);
        Assert.Null(task.Assignee);
        Assert.Equal(InstanceStatus.Running, (await engine.InstanceAsync(started.InstanceId)).Status);

        var result = await engine.CompleteAsync(task, new { outcome = "Godkänd", comment = "Ok" });

        Assert.Equal(InstanceStatus.Completed, result.Status);
        Assert.Equal("Godkänd", (string?)(await engine.VariablesAsync(started.InstanceId))["decision"]);
        Assert.Equal("Ok", (string?)(await engine.VariablesAsync(started.InstanceId))["comment"]);
    }

    [Fact]
    public async Task StartWithABusinessKey_GivesItToTheInstanceAndItsTasks_AndRefusesOneLongerThan200Characters()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");

        var started = await engine.Runtime.StartAsync(new StartInstance("UserTask", Office: "Stockholm", BusinessKey: "1042"), Actors.Officer);
        var tooLong = await Assert.ThrowsAsync<BadRequestException>(() =>
            engine.Runtime.StartAsync(new StartInstance("UserTask", Office: "Stockholm", BusinessKey: new string('9', 201)), Actors.Officer));

        Assert.Equal("1042", (await engine.InstanceAsync(started.InstanceId)).BusinessKey);
        Assert.Equal("1042", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).BusinessKey);
        Assert.Contains("business key", tooLong.Message);
    }

    [Fact]
    public async Task CompletingTask_WithDataTheActivityRefuses_ReturnsFieldProblems_AndChangesNothing()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        var before = await engine.InstanceAsync(started.InstanceId);

        var refused = await Assert.ThrowsAsync<FormInvalidException>(() => engine.CompleteAsync(task, new { outcome = "Kanske" }));
        var unknown = await Assert.ThrowsAsync<FormInvalidException>(() => engine.CompleteAsync(task, new { outcome = "Godkänd", hack = 1 }));
        var badType = await Assert.ThrowsAsync<FormInvalidException>(() => engine.CompleteAsync(task, TestEngine.ToJson(System.Text.Json.Nodes.JsonNode.Parse("""{"outcome": 42}""")!.AsObject())));

        Assert.Equal("outcome", Assert.Single(refused.Problems).Field);
        Assert.Contains("hack", Assert.Single(unknown.Problems).Message);
        Assert.Equal("outcome", Assert.Single(badType.Problems).Field);
        var after = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(HumanTaskStatus.Open, Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task CompletingTaskTwice_IsAConflict()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        await engine.CompleteAsync(task, new { outcome = "Godkänd" });

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => engine.CompleteAsync(task, new { outcome = "Godkänd" }));

        Assert.Contains("already completed", conflict.Message);
    }

    [Fact]
    public async Task CompletingTask_WithStaleVersion_IsAConflict()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        await engine.Inbox.ClaimAsync(task.Id, Actors.Officer, expectedVersion: task.Version);

        await Assert.ThrowsAsync<ConflictException>(() =>
            engine.Runtime.CompleteTaskAsync(task.Id, new() { ["outcome"] = "Godkänd" }, Actors.Officer, expectedVersion: task.Version));
        await Assert.ThrowsAsync<ConflictException>(() => engine.Inbox.ReleaseAsync(task.Id, Actors.Officer, expectedVersion: task.Version));
    }

    [Fact]
    public async Task Task_CanOnlyBeWorkedByItsRoleAtItsOffice_AndNotWhileSomeoneElseHoldsIt()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));

        var elsewhere = await Assert.ThrowsAsync<ForbiddenException>(() => engine.CompleteAsync(task, new { outcome = "Godkänd" }, Actors.OfficerElsewhere));
        var wrongRole = await Assert.ThrowsAsync<ForbiddenException>(() => engine.Inbox.ClaimAsync(task.Id, Actors.ProcessOwner, null));
        await engine.Inbox.ClaimAsync(task.Id, Actors.Officer, null);
        var held = await Assert.ThrowsAsync<ConflictException>(() => engine.CompleteAsync(task, new { outcome = "Godkänd" }, Actors.OtherOfficer));

        Assert.Contains("Stockholm", elsewhere.Message);
        Assert.Contains("Officer", wrongRole.Message);
        Assert.Contains("anna", held.Message);
    }

    [Fact]
    public async Task Inbox_ListsMineOfficeAndRole_AndClaimAndReleaseMoveTheTask()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var stockholm = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        await engine.StartAsync("UserTask", new { office = "Göteborg" });
        var task = Assert.Single(await engine.OpenTasksAsync(stockholm.InstanceId));

        Assert.Empty((await engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Mine))).Items);
        Assert.Equal([task.Id], (await engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Office))).Items.Select(t => t.Id));
        Assert.Equal([task.Id], (await engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Role))).Items.Select(t => t.Id));
        Assert.Empty((await engine.Inbox.ListAsync(Actors.Chief, new TaskListQuery(TaskFilter.Role) { Role = "Chief" })).Items);

        var claimed = await engine.Inbox.ClaimAsync(task.Id, Actors.Officer, task.Version);
        Assert.Equal("anna", claimed.Assignee);
        Assert.Equal([task.Id], (await engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Mine))).Items.Select(t => t.Id));
        await Assert.ThrowsAsync<ConflictException>(() => engine.Inbox.ClaimAsync(task.Id, Actors.OtherOfficer, null));
        await Assert.ThrowsAsync<ConflictException>(() => engine.Inbox.ReleaseAsync(task.Id, Actors.OtherOfficer, null));

        var released = await engine.Inbox.ReleaseAsync(task.Id, Actors.Officer, claimed.Version);
        Assert.Null(released.Assignee);
        Assert.Empty((await engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Mine))).Items);
        await Assert.ThrowsAsync<ForbiddenException>(() => engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Role) { Role = "Chief" }));
    }

    [Fact]
    public async Task PlainTask_IsAGenericHumanStep_AndServiceTasksRunAtOnceWritingMappedOutputs()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("plain-and-service.bpmn");
        var started = await engine.StartAsync("PlainAndService", new { @base = 3, supervisionStart = "2026-01-31" });

        var call = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal("Ring klienten", call.Title);
        Assert.Equal("ManualTask", call.ActivityType);
        await engine.CompleteAsync(call);

        var check = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal("Check", check.ElementId);
        var variables = await engine.VariablesAsync(started.InstanceId);
        Assert.Equal(5, (int)variables["sum"]!);
        Assert.Equal("2026-02-28", (string?)variables["computedDate"]);
    }

    [Fact]
    public async Task UserTaskWithACamundaCandidateGroupNamingARole_OpensItsTaskForThatRole_AlsoWhenTheStoredVersionIsReadAgain()
    {
        const string xml = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D">
              <bpmn:process id="CamundaGroup" isExecutable="true">
                <bpmn:startEvent id="S"/><bpmn:userTask id="T" name="Granska" camunda:candidateGroups="chief"/><bpmn:endEvent id="E"/>
                <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
        Action<IServiceCollection> roles = services => services.Configure<DefinitionOptions>(o => o.CandidateRoles.UnionWith(["Officer", "Chief"]));
        await using var engine = await TestEngine.StartAsync(configure: roles);
        await engine.Definitions.PublishAsync(xml, Actors.ProcessOwner);

        var started = await engine.StartAsync("CamundaGroup");
        // A second engine on the same database parses the stored version afresh, as a restarted Host does.
        await using var restarted = await TestEngine.StartAsync(connectionString: engine.ConnectionString, configure: roles);
        var again = await restarted.StartAsync("CamundaGroup");

        Assert.Equal("Chief", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).CandidateRole);
        Assert.Equal("Chief", Assert.Single(await restarted.OpenTasksAsync(again.InstanceId)).CandidateRole);
    }
}
