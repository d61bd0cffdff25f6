using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.InstanceMigration;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests.Migration;

/// <summary>
/// Issue 11, point 6: running instances move to another version of their workflow only when a process owner migrates
/// them, and a migration that cannot be applied cleanly changes nothing. The instances wait at Draft (or Review) with a
/// deadline one month from supervisionStart (31 Jan 2026 + P1M = 28 Feb 2026, lag (1930:173) 1 §).
/// </summary>
public sealed class InstanceMigrationsTests
{
    private const string Key = "Migrate";
    private static readonly LocalDate KeptDue = new(2026, 2, 28), RecomputedDue = new(2026, 3, 31);

    private const string Version1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="D" targetNamespace="urn:migrate">
          <bpmn:process id="Migrate" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Draft" name="Upprätta plan" />
            <bpmn:boundaryEvent id="Overdue" attachedToRef="Draft" cancelActivity="false">
              <bpmn:timerEventDefinition vp:deadlineRule="TestMonth" vp:anchor="supervisionStart" />
            </bpmn:boundaryEvent>
            <bpmn:userTask id="Review" name="Granska" />
            <bpmn:endEvent id="Done" />
            <bpmn:endEvent id="Escalated" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Draft" />
            <bpmn:sequenceFlow id="f2" sourceRef="Draft" targetRef="Review" />
            <bpmn:sequenceFlow id="f3" sourceRef="Review" targetRef="Done" />
            <bpmn:sequenceFlow id="f4" sourceRef="Overdue" targetRef="Escalated" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Version 1 with Draft and its deadline renamed, and the task retitled.</summary>
    private static readonly string Renamed = Version1
        .Replace("\"Draft\" name=\"Upprätta plan\"", "\"DraftPlan\" name=\"Upprätta planen\"")
        .Replace("attachedToRef=\"Draft\"", "attachedToRef=\"DraftPlan\"")
        .Replace("id=\"Overdue\"", "id=\"PlanOverdue\"")
        .Replace("sourceRef=\"Draft\"", "sourceRef=\"DraftPlan\"")
        .Replace("targetRef=\"Draft\"", "targetRef=\"DraftPlan\"")
        .Replace("sourceRef=\"Overdue\"", "sourceRef=\"PlanOverdue\"");

    [Fact]
    public async Task Apply_MovesWaitingTaskToMappedElement_AndJournalsIt()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        var task = await engine.OpenTaskAsync(instanceId, "Draft");
        var timer = Assert.Single(await engine.PendingTimersAsync(instanceId));
        await engine.Definitions.PublishAsync(Renamed, Actors.ProcessOwner);
        var request = Request(mapping: new Dictionary<string, string?> { ["Draft"] = "DraftPlan", ["Overdue"] = "PlanOverdue" });

        var report = await ApplyAsync(engine, request);

        Assert.True(report.Applied);
        var moved = Assert.Single(report.Instances);
        Assert.Contains(new ElementMove("Draft", "DraftPlan", "token"), moved.Moves);
        Assert.Contains(new ElementMove("Overdue", "PlanOverdue", "subscription"), moved.Moves);
        var instance = await engine.InstanceAsync(instanceId);
        Assert.Equal(2, instance.DefinitionVersion);
        var sameTask = Assert.Single(await engine.OpenTasksAsync(instanceId));
        Assert.Equal((task.Id, "DraftPlan", "Upprätta planen", KeptDue), (sameTask.Id, sameTask.ElementId, sameTask.Title, sameTask.DueDate));
        var movedTimer = Assert.Single(await engine.PendingTimersAsync(instanceId));
        Assert.Equal((timer.Id, "PlanOverdue", timer.DueAt), (movedTimer.Id, movedTimer.ElementId, movedTimer.DueAt));
        Assert.True(movedTimer.Version > timer.Version, "a fire job queued for the old version must be stale");
        Assert.Equal(TimerFireOutcome.Stale, await engine.FireAsync(timer));
        var entry = Assert.Single(await engine.Instances.JournalAsync(instanceId), j => j.Kind == JournalKinds.InstanceMigrated);
        var data = JsonNode.Parse(entry.Data!)!;
        Assert.Equal(("cecilia", 1, 2, "DraftPlan"), (entry.Actor, (int)data["fromVersion"]!, (int)data["toVersion"]!, (string?)data["mapping"]!["Draft"]));

        // It runs on in version 2: the deadline fires at version 2's boundary event, and the task completes there.
        await engine.FireNextAsync(instanceId, "PlanOverdue");
        await engine.CompleteAsync(sameTask);
        Assert.Equal("Review", Assert.Single(await engine.OpenTasksAsync(instanceId)).ElementId);
    }

    [Fact]
    public async Task Apply_KeepsEveryElementWithTheSameId_WhenNothingIsMapped()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        await engine.Definitions.PublishAsync(Version1.Replace("name=\"Upprätta plan\"", "name=\"Upprätta planen tillsammans med klienten\""), Actors.ProcessOwner);

        var report = await ApplyAsync(engine, Request());

        Assert.Empty(Assert.Single(report.Instances).Moves);
        Assert.Equal(2, (await engine.InstanceAsync(instanceId)).DefinitionVersion);
        var task = Assert.Single(await engine.OpenTasksAsync(instanceId));
        Assert.Equal(("Draft", "Upprätta planen tillsammans med klienten"), (task.ElementId, task.Title));
        var timer = Assert.Single(await engine.PendingTimersAsync(instanceId));
        Assert.Equal(("Overdue", KeptDue), (timer.ElementId, timer.DueDate));
        Assert.Equal((await engine.InstanceAsync(instanceId)).DefinitionId, timer.DefinitionId);
    }

    [Fact]
    public async Task DryRun_ReportsAWaitingElementTheTargetLacks_AndApplyRefusesIt_ChangingNothing()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        await engine.Definitions.PublishAsync(Renamed, Actors.ProcessOwner);

        var report = await Migrations(engine).DryRunAsync(Request(), Actors.ProcessOwner);

        Assert.False(report.CanApply);
        Assert.Contains(report.Problems, p => p.InstanceId == instanceId && p.ElementId == "Draft" && p.Message.Contains("no element 'Draft'"));
        Assert.Contains(report.Problems, p => p.InstanceId == instanceId && p.ElementId == "Overdue");
        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => Migrations(engine).ApplyAsync(Request() with { ExpectedRevisions = report.Revisions }, Actors.ProcessOwner));
        Assert.Contains(refused.Problems, p => p.ElementId == "Draft");
        await AssertUnchangedAsync(engine, instanceId);
    }

    [Fact]
    public async Task DryRun_RefusesToMoveATaskToAnElementThatCannotWaitTheSameWay()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        await engine.Definitions.PublishAsync(Version1, Actors.ProcessOwner);

        var report = await Migrations(engine).DryRunAsync(Request(mapping: new Dictionary<string, string?> { ["Draft"] = "Done" }), Actors.ProcessOwner);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((instanceId, "Draft"), (problem.InstanceId, problem.ElementId));
        Assert.Contains("'Done' (end event) cannot wait the same way", problem.Message);
    }

    [Fact]
    public async Task Apply_KeepsATimersDueDate_UnlessTheRequestSaysRecompute()
    {
        await using var engine = await TestEngine.StartAsync();
        var kept = await StartOnVersion1Async(engine);
        var twoMonths = Version1.Replace("""<bpmn:timerEventDefinition vp:deadlineRule="TestMonth" vp:anchor="supervisionStart" />""",
            """<bpmn:timerEventDefinition vp:anchor="supervisionStart"><bpmn:timeDuration>P2M</bpmn:timeDuration></bpmn:timerEventDefinition>""");
        await engine.Definitions.PublishAsync(twoMonths, Actors.ProcessOwner);

        var report = await ApplyAsync(engine, Request());

        var change = Assert.Single(Assert.Single(report.Instances).Timers);
        Assert.Equal((TimerMigrationChoice.Keep, KeptDue, KeptDue), (change.Choice, change.OldDueDate, change.NewDueDate));
        Assert.Equal(KeptDue, Assert.Single(await engine.PendingTimersAsync(kept)).DueDate);
    }

    [Fact]
    public async Task Apply_RecomputesATimerFromItsAnchor_WithTheTargetsDefinition_AndTheTaskShowsTheNewDueDate()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        var twoMonths = Version1.Replace("""<bpmn:timerEventDefinition vp:deadlineRule="TestMonth" vp:anchor="supervisionStart" />""",
            """<bpmn:timerEventDefinition vp:anchor="supervisionStart"><bpmn:timeDuration>P2M</bpmn:timeDuration></bpmn:timerEventDefinition>""");
        await engine.Definitions.PublishAsync(twoMonths, Actors.ProcessOwner);
        var request = Request() with { Timers = new Dictionary<string, TimerMigrationChoice> { ["Overdue"] = TimerMigrationChoice.Recompute } };

        var dryRun = await Migrations(engine).DryRunAsync(request, Actors.ProcessOwner);
        var applied = await Migrations(engine).ApplyAsync(request with { ExpectedRevisions = dryRun.Revisions }, Actors.ProcessOwner);

        var change = Assert.Single(Assert.Single(dryRun.Instances).Timers);
        Assert.Equal((TimerMigrationChoice.Recompute, KeptDue, RecomputedDue), (change.Choice, change.OldDueDate, change.NewDueDate));
        Assert.Equal(Assert.Single(dryRun.Instances).Timers, Assert.Single(applied.Instances).Timers);
        var timer = Assert.Single(await engine.PendingTimersAsync(instanceId));
        Assert.Equal((RecomputedDue, null, "supervisionStart"), (timer.DueDate, timer.DeadlineRuleKey, timer.AnchorVariable));
        Assert.Equal(RecomputedDue, Assert.Single(await engine.OpenTasksAsync(instanceId)).DueDate);
        await using var db = engine.CreateDbContext();
        Assert.Equal(RecomputedDue, (await db.Bookmarks.AsNoTracking().SingleAsync(b => b.Id == timer.BookmarkId)).DueDate);
    }

    [Fact]
    public async Task Apply_DropsABoundaryEventMappedToNull_AndCancelsItsTimer_ButRefusesOneLeftWithoutCounterpart()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        var timer = Assert.Single(await engine.PendingTimersAsync(instanceId));
        var withoutDeadline = string.Join("\n", Version1.Split('\n').Where(line =>
            !line.Contains("Overdue") && !line.Contains("TestMonth") && !line.Contains("</bpmn:boundaryEvent>") && !line.Contains("Escalated")));
        await engine.Definitions.PublishAsync(withoutDeadline, Actors.ProcessOwner);

        var unmapped = await Migrations(engine).DryRunAsync(Request(), Actors.ProcessOwner);
        var report = await ApplyAsync(engine, Request(mapping: new Dictionary<string, string?> { ["Overdue"] = null }));

        var problem = Assert.Single(unmapped.Problems);
        Assert.Equal("Overdue", problem.ElementId);
        Assert.Contains("drop it (map it to null)", problem.Message);
        Assert.Equal(["Overdue"], Assert.Single(report.Instances).Dropped);
        Assert.True(Assert.Single(Assert.Single(report.Instances).Timers).Cancelled);
        await using var db = engine.CreateDbContext();
        var row = await db.Timers.AsNoTracking().SingleAsync(t => t.Id == timer.Id);
        Assert.Equal((TimerStatus.Cancelled, TimerCancellation.Migrated), (row.Status, row.CancelledBecause));
        Assert.False(await db.Bookmarks.AnyAsync(b => b.InstanceId == instanceId && b.Kind == BookmarkKind.Timer));
        var task = Assert.Single(await engine.OpenTasksAsync(instanceId));
        Assert.Equal(("Draft", null), (task.ElementId, task.DueDate)); // the deadline it showed is gone
    }

    [Fact]
    public async Task Apply_Refuses_WhenAnInstanceMovedOnSinceTheDryRun_AndChangesNothing()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        var other = await engine.StartAsync(Key, new { supervisionStart = "2026-01-31", office = "Stockholm" });
        await engine.Definitions.PublishAsync(Version1, Actors.ProcessOwner);
        var dryRun = await Migrations(engine).DryRunAsync(Request(), Actors.ProcessOwner);
        Assert.True(dryRun.CanApply);

        // The other instance moves on (its deadline is waived), yet still waits at Draft.
        var deadline = Assert.Single(await engine.PendingTimersAsync(other.InstanceId));
        await engine.Runtime.WaiveTimerAsync(deadline.Id, "Klienten vårdas på sjukhus.", Actors.Chief);
        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() =>
            Migrations(engine).ApplyAsync(Request() with { ExpectedRevisions = dryRun.Revisions }, Actors.ProcessOwner));

        Assert.Contains("new dry run", refused.Message);
        Assert.Equal(other.InstanceId, Assert.Single(refused.Problems).InstanceId);
        await AssertUnchangedAsync(engine, instanceId);
        await AssertUnchangedAsync(engine, other.InstanceId);
    }

    [Fact]
    public async Task Apply_Refuses_WhenAStepChangesAnInstanceWhileItRuns_AndChangesNoInstance()
    {
        await using var engine = await TestEngine.StartAsync();
        var first = await StartOnVersion1Async(engine);
        var second = (await engine.StartAsync(Key, new { supervisionStart = "2026-01-31", office = "Stockholm" })).InstanceId;
        await engine.Definitions.PublishAsync(Renamed, Actors.ProcessOwner);
        var request = Request(mapping: new Dictionary<string, string?> { ["Draft"] = "DraftPlan", ["Overdue"] = "PlanOverdue" });
        var dryRun = await Migrations(engine).DryRunAsync(request, Actors.ProcessOwner);

        // A step of the later instance saves while the apply runs: it has written its new revision, not yet committed.
        await using var step = new NpgsqlConnection(engine.ConnectionString);
        await step.OpenAsync();
        await using var stepTransaction = await step.BeginTransactionAsync();
        await using (var save = new NpgsqlCommand("UPDATE workflows.instances SET revision = revision + 1 WHERE id = @id", step, stepTransaction))
        {
            save.Parameters.AddWithValue("id", new[] { first, second }.Max());
            await save.ExecuteNonQueryAsync();
        }

        var apply = Migrations(engine).ApplyAsync(request with { ExpectedRevisions = dryRun.Revisions }, Actors.ProcessOwner);
        await using var watch = new NpgsqlConnection(engine.ConnectionString);
        await watch.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watch);
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while ((int)(await waiting.ExecuteScalarAsync())! == 0 && !apply.IsCompleted)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromMinutes(1), "The apply never waited for the step's row.");
            await Task.Delay(20);
        }

        await stepTransaction.CommitAsync();
        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => apply);

        Assert.Contains("changed while the migration ran", refused.Message);
        await AssertUnchangedAsync(engine, first);
        await AssertUnchangedAsync(engine, second);
    }

    [Fact]
    public async Task Apply_Refuses_AnInstanceThatCameIntoTheSelectionSinceTheDryRun()
    {
        await using var engine = await TestEngine.StartAsync();
        var atReview = await StartOnVersion1Async(engine);
        await engine.CompleteAsync(await engine.OpenTaskAsync(atReview, "Draft"));
        var late = await engine.StartAsync(Key, new { supervisionStart = "2026-01-31", office = "Stockholm" });
        await engine.Definitions.PublishAsync(Version1, Actors.ProcessOwner);
        var request = Request() with { WaitingAt = ["Review"] };
        var dryRun = await Migrations(engine).DryRunAsync(request, Actors.ProcessOwner);
        Assert.Equal(atReview, Assert.Single(dryRun.Instances).InstanceId);

        await engine.CompleteAsync(await engine.OpenTaskAsync(late.InstanceId, "Draft"));
        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() =>
            Migrations(engine).ApplyAsync(request with { ExpectedRevisions = dryRun.Revisions }, Actors.ProcessOwner));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(late.InstanceId, problem.InstanceId);
        Assert.Contains("was not in the dry run", problem.Message);
        Assert.Equal(1, (await engine.InstanceAsync(atReview)).DefinitionVersion);
        Assert.Equal(1, (await engine.InstanceAsync(late.InstanceId)).DefinitionVersion);
    }

    [Fact]
    public async Task Selection_ByWaitingElement_TakesOnlyTheInstancesWaitingThere()
    {
        await using var engine = await TestEngine.StartAsync();
        var atDraft = await StartOnVersion1Async(engine);
        var atReview = await engine.StartAsync(Key, new { supervisionStart = "2026-01-31", office = "Stockholm" });
        await engine.CompleteAsync(await engine.OpenTaskAsync(atReview.InstanceId, "Draft"));
        await engine.Definitions.PublishAsync(Version1, Actors.ProcessOwner);

        var report = await ApplyAsync(engine, Request() with { WaitingAt = ["Review"] });

        Assert.Equal(atReview.InstanceId, Assert.Single(report.Instances).InstanceId);
        Assert.Equal(["Review"], Assert.Single(report.Instances).WaitingAt);
        Assert.Equal(2, (await engine.InstanceAsync(atReview.InstanceId)).DefinitionVersion);
        Assert.Equal(1, (await engine.InstanceAsync(atDraft)).DefinitionVersion);
    }

    [Fact]
    public async Task DryRun_RefusesAnInstanceOfAnotherWorkflow_NamedById()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        await engine.Definitions.PublishAsync(Version1, Actors.ProcessOwner);
        await engine.Definitions.PublishAsync(Version1.Replace("id=\"Migrate\"", "id=\"Other\""), Actors.ProcessOwner);
        var foreign = await engine.StartAsync("Other", new { supervisionStart = "2026-01-31", office = "Stockholm" });

        var report = await Migrations(engine).DryRunAsync(Request() with { InstanceIds = [instanceId, foreign.InstanceId] }, Actors.ProcessOwner);

        Assert.Equal(instanceId, Assert.Single(report.Instances).InstanceId);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(foreign.InstanceId, problem.InstanceId);
        Assert.Contains("runs the workflow 'Other', not 'Migrate'", problem.Message);
        await Assert.ThrowsAsync<MigrationRefusedException>(() =>
            Migrations(engine).ApplyAsync(Request() with { InstanceIds = [instanceId, foreign.InstanceId], ExpectedRevisions = report.Revisions }, Actors.ProcessOwner));
        await AssertUnchangedAsync(engine, instanceId);
    }

    [Fact]
    public async Task Migration_ToTheSameVersion_IsABadRequest()
    {
        await using var engine = await TestEngine.StartAsync();
        await StartOnVersion1Async(engine);

        var refused = await Assert.ThrowsAsync<BadRequestException>(() => Migrations(engine).DryRunAsync(Request() with { TargetVersion = 1 }, Actors.ProcessOwner));

        Assert.Contains("already run version 1", refused.Message);
    }

    [Fact]
    public async Task Migration_IsForbidden_ToAnOfficer()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartOnVersion1Async(engine);
        await engine.Definitions.PublishAsync(Version1, Actors.ProcessOwner);

        await Assert.ThrowsAsync<ForbiddenException>(() => Migrations(engine).DryRunAsync(Request(), Actors.Officer));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Migrations(engine).ApplyAsync(Request() with { ExpectedRevisions = new Dictionary<Guid, int> { [instanceId] = 1 } }, Actors.Chief));
        await AssertUnchangedAsync(engine, instanceId);
    }

    private static InstanceMigrations Migrations(TestEngine engine) => engine.Services.GetRequiredService<InstanceMigrations>();

    private static MigrationRequest Request(IReadOnlyDictionary<string, string?>? mapping = null) => new(Key, 1, 2, Mapping: mapping);

    private static async Task<MigrationReport> ApplyAsync(TestEngine engine, MigrationRequest request)
    {
        var dryRun = await Migrations(engine).DryRunAsync(request, Actors.ProcessOwner);
        Assert.True(dryRun.CanApply, string.Join("\n", dryRun.Problems.Select(p => $"{p.InstanceId} {p.ElementId}: {p.Message}")));
        return await Migrations(engine).ApplyAsync(request with { ExpectedRevisions = dryRun.Revisions }, Actors.ProcessOwner);
    }

    private static async Task<Guid> StartOnVersion1Async(TestEngine engine)
    {
        await engine.Definitions.PublishAsync(Version1, Actors.ProcessOwner);
        return (await engine.StartAsync(Key, new { supervisionStart = "2026-01-31", office = "Stockholm" })).InstanceId;
    }

    /// <summary>Still on version 1, at Draft, with its deadline and task as version 1 made them, and nothing journaled.</summary>
    private static async Task AssertUnchangedAsync(TestEngine engine, Guid instanceId)
    {
        Assert.Equal(1, (await engine.InstanceAsync(instanceId)).DefinitionVersion);
        var task = Assert.Single(await engine.OpenTasksAsync(instanceId));
        Assert.Equal(("Draft", "Upprätta plan", 1), (task.ElementId, task.Title, task.Version));
        Assert.DoesNotContain(await engine.Instances.JournalAsync(instanceId), j => j.Kind == JournalKinds.InstanceMigrated);
        await using var db = engine.CreateDbContext();
        Assert.All(await db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).ToListAsync(),
            t => Assert.Equal(("Overdue", 1), (t.ElementId, t.Version)));
    }
}
