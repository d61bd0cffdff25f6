using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.InstanceMigration;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Tests.Migration;

/// <summary>
/// Where a migration may move what waits (the rules of <c>WaitCompatibility</c>), planned through the public service:
/// a sub-process with its scope, the events after an event-based gateway, and what may not move across kinds or scopes.
/// </summary>
public sealed class InstanceMigrationPlannerTests
{
    [Fact]
    public async Task Apply_MovesASubProcessWithItsScope_AndTheTokenInsideItFinishesOnTheNewVersion()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("subprocess.bpmn");
        var started = await engine.StartAsync("SubProcess", new { office = "Stockholm" });
        await engine.Definitions.PublishAsync(BpmnFiles.Read("subprocess.bpmn").Replace("\"Planning\"", "\"Plan\""), Actors.ProcessOwner);
        var request = new MigrationRequest("SubProcess", 1, 2, Mapping: new Dictionary<string, string?> { ["Planning"] = "Plan" });

        var report = await ApplyAsync(engine, request);

        var moves = Assert.Single(report.Instances).Moves;
        Assert.Contains(new ElementMove("Planning", "Plan", "scope"), moves);
        Assert.Contains(new ElementMove("Planning", "Plan", "token"), moves);
        Assert.Equal("TooSlow", Assert.Single(await engine.PendingTimersAsync(started.InstanceId)).ElementId);
        await engine.CompleteAsync(await engine.OpenTaskAsync(started.InstanceId, "Inner"));
        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
    }

    [Fact]
    public async Task DryRun_RefusesToMoveATokenOutOfItsSubProcess()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("subprocess.bpmn");
        var started = await engine.StartAsync("SubProcess", new { office = "Stockholm" });
        await engine.PublishFileAsync("subprocess.bpmn");

        var report = await Migrations(engine).DryRunAsync(
            new MigrationRequest("SubProcess", 1, 2, Mapping: new Dictionary<string, string?> { ["Inner"] = "After" }), Actors.ProcessOwner);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((started.InstanceId, "Inner"), (problem.InstanceId, problem.ElementId));
        Assert.Contains("'After' lies in 'SubProcess' in version 2, but the token's scope goes to 'Planning'", problem.Message);
    }

    [Fact]
    public async Task Apply_MovesTheEventsAfterAnEventBasedGateway_AndTheRenamedMessageReachesTheInstance()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-based.bpmn");
        var started = await engine.StartAsync("EventBased", new { office = "Stockholm" });
        var renamed = BpmnFiles.Read("event-based.bpmn").Replace("name=\"Answer\"", "name=\"Reply\"").Replace("\"TwoDays\"", "\"ThreeDays\"");
        await engine.Definitions.PublishAsync(renamed, Actors.ProcessOwner);
        var request = new MigrationRequest("EventBased", 1, 2, Mapping: new Dictionary<string, string?> { ["TwoDays"] = "ThreeDays" });

        var report = await ApplyAsync(engine, request);

        Assert.Contains(new ElementMove("TwoDays", "ThreeDays", "subscription"), Assert.Single(report.Instances).Moves);
        Assert.Equal("ThreeDays", Assert.Single(await engine.PendingTimersAsync(started.InstanceId)).ElementId);
        await using (var db = engine.CreateDbContext())
        {
            Assert.Equal("Reply", (await db.Bookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == started.InstanceId && b.Kind == BookmarkKind.Message)).MessageName);
        }

        await engine.Runtime.SignalAsync("Reply", started.InstanceId, null, new JsonObject { ["answer"] = "ja" }, Actors.Officer);
        Assert.Equal("Handle", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
    }

    [Fact]
    public async Task DryRun_RefusesToMoveATimerSubscriptionToAMessageEvent()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-based.bpmn");
        var started = await engine.StartAsync("EventBased", new { office = "Stockholm" });
        await engine.PublishFileAsync("event-based.bpmn");

        var report = await Migrations(engine).DryRunAsync(
            new MigrationRequest("EventBased", 1, 2, Mapping: new Dictionary<string, string?> { ["TwoDays"] = "Answered" }), Actors.ProcessOwner);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((started.InstanceId, "TwoDays"), (problem.InstanceId, problem.ElementId));
        Assert.Contains("is no event of the same kind (timer or message)", problem.Message);
    }

    [Fact]
    public async Task DryRun_RefusesAnInstanceWithAnOpenIncident_UntilItIsRetried()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("flaky.bpmn");
        var key = Guid.NewGuid().ToString();
        FlakyActivity.FailFor[key] = true;
        var started = await engine.StartAsync("Flaky", new { key });
        await engine.PublishFileAsync("flaky.bpmn");
        var request = new MigrationRequest("Flaky", 1, 2);

        var refused = await Migrations(engine).DryRunAsync(request, Actors.ProcessOwner);
        FlakyActivity.FailFor.TryRemove(key, out _);
        await engine.Runtime.RetryIncidentAsync(Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId)).Id, Actors.ProcessOwner);
        var allowed = await Migrations(engine).DryRunAsync(request, Actors.ProcessOwner);

        var problem = Assert.Single(refused.Problems);
        Assert.Equal((started.InstanceId, null), (problem.InstanceId, problem.ElementId));
        Assert.Contains("open incident", problem.Message);
        Assert.True(allowed.CanApply);
    }

    private static InstanceMigrations Migrations(TestEngine engine) => engine.Services.GetRequiredService<InstanceMigrations>();

    private static async Task<MigrationReport> ApplyAsync(TestEngine engine, MigrationRequest request)
    {
        var dryRun = await Migrations(engine).DryRunAsync(request, Actors.ProcessOwner);
        Assert.True(dryRun.CanApply, string.Join("\n", dryRun.Problems.Select(p => $"{p.InstanceId} {p.ElementId}: {p.Message}")));
        return await Migrations(engine).ApplyAsync(request with { ExpectedRevisions = dryRun.Revisions }, Actors.ProcessOwner);
    }
}
