using NodaTime;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class EventTests
{
    [Fact]
    public async Task IntermediateDeadlineTimer_IsDueOnAnchorPlusPeriod_AndFiresAtTheStartOfTheNextDayInStockholm()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("intermediate-timer.bpmn");
        var started = await engine.StartAsync("IntermediateTimer", new { supervisionStart = "2026-01-31" });

        var deadline = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));
        Assert.Equal(new LocalDate(2026, 2, 28), deadline.DueDate);
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 23, 0), deadline.DueAt);
        Assert.Equal("TestMonth", deadline.DeadlineRuleKey);
        Assert.Equal(new LocalDate(2026, 1, 31), deadline.AnchorDate);

        await engine.FireNextAsync(started.InstanceId, "Deadline");
        var wait = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));
        Assert.Equal("Wait", wait.ElementId);
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 23, 0), wait.DueAt);
        Assert.Empty(await engine.OpenTasksAsync(started.InstanceId));

        await engine.FireNextAsync(started.InstanceId, "Wait");
        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
    }

    [Fact]
    public async Task DeadlineTimer_WithoutItsAnchorVariable_RaisesAnIncident_ThatARetryResolvesOnceTheCauseIsGone()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("intermediate-timer.bpmn");
        var started = await engine.StartAsync("IntermediateTimer", new { supervisionStart = "not a date" });

        var incident = Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId));
        Assert.Equal("Deadline", incident.ElementId);
        Assert.Contains("supervisionStart", incident.Message);
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));

        await engine.Runtime.RetryIncidentAsync(incident.Id, Actors.ProcessOwner);
        Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId));
        await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.RetryIncidentAsync(incident.Id, Actors.ProcessOwner));
    }

    [Fact]
    public async Task IntermediateMessage_ContinuesWhenSignalledByCorrelation_AndMergesThePayload()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("intermediate-message.bpmn");
        var started = await engine.StartAsync("IntermediateMessage", correlationId: "case-7");

        await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.SignalAsync("Other", null, "case-7", null, Actors.Officer));
        await engine.Runtime.SignalAsync("Done", null, "case-7", new() { ["result"] = "ok" }, Actors.Officer);

        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        Assert.Equal("ok", (string?)(await engine.VariablesAsync(started.InstanceId))["result"]);
        var again = await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.SignalAsync("Done", started.InstanceId, null, null, Actors.Officer));
        Assert.Contains("not waiting", again.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => engine.Runtime.SignalAsync("Done", Guid.NewGuid(), null, null, Actors.Officer));
    }

    [Fact]
    public async Task Message_ToACorrelationSeveralInstancesWaitOn_IsAConflict()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("intermediate-message.bpmn");
        await engine.StartAsync("IntermediateMessage", correlationId: "shared");
        await engine.StartAsync("IntermediateMessage", correlationId: "shared");

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.SignalAsync("Done", null, "shared", null, Actors.Officer));

        Assert.Contains("Several instances", conflict.Message);
    }

    [Fact]
    public async Task InterruptingBoundaryTimer_CancelsTheTask_WhichThenAnswersConflict()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var started = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        var draft = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal(new LocalDate(2026, 2, 28), draft.DueDate);

        await engine.FireNextAsync(started.InstanceId, "Overdue");

        Assert.Equal("Escalate", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => engine.CompleteAsync(draft));
        Assert.Contains("cancelled", conflict.Message);
    }

    [Fact]
    public async Task BoundaryTimer_IsCancelledWhenTheTaskIsDoneInTime()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var started = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        var timer = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));

        var result = await engine.CompleteAsync(Assert.Single(await engine.OpenTasksAsync(started.InstanceId)));

        Assert.Equal(InstanceStatus.Completed, result.Status);
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
        Assert.Equal(TimerFireOutcome.Stale, await engine.FireAsync(timer));
        await using var db = engine.CreateDbContext();
        Assert.Equal(TimerStatus.Cancelled, db.Timers.Single(t => t.Id == timer.Id).Status);
        Assert.Empty(db.Bookmarks.Where(b => b.InstanceId == started.InstanceId));
    }

    [Fact]
    public async Task NonInterruptingBoundaryTimers_OpenWorkBesideTheTask_AndACycleRepeatsItsCountThenStops()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-noninterrupting.bpmn");
        var started = await engine.StartAsync("BoundaryTimerNonInterrupting", new { supervisionStart = "2026-01-31", office = "Stockholm" });

        await engine.FireNextAsync(started.InstanceId, "Nag");
        await engine.FireNextAsync(started.InstanceId, "Nag");
        Assert.DoesNotContain(await engine.PendingTimersAsync(started.InstanceId), t => t.ElementId == "Nag");
        await engine.FireNextAsync(started.InstanceId, "Overdue");

        var open = await engine.OpenTasksAsync(started.InstanceId);
        Assert.Equal(["Draft", "Escalate", "Reminder", "Reminder"], open.Select(t => t.ElementId).Order());
        Assert.Equal("Chief", open.Single(t => t.ElementId == "Escalate").CandidateRole);
    }

    [Fact]
    public async Task BoundaryMessages_InterruptingCancelsTheTask_NonInterruptingCanTriggerAgain()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-message.bpmn");
        var started = await engine.StartAsync("BoundaryMessage", correlationId: "c-1");

        await engine.Runtime.SignalAsync("Note", null, "c-1", null, Actors.Officer);
        await engine.Runtime.SignalAsync("Note", null, "c-1", null, Actors.Officer);
        Assert.Equal(["ReadNote", "ReadNote", "Work"], (await engine.OpenTasksAsync(started.InstanceId)).Select(t => t.ElementId).Order());

        await engine.Runtime.SignalAsync("Cancel", null, "c-1", null, Actors.Officer);
        var open = await engine.OpenTasksAsync(started.InstanceId);
        Assert.Equal(["AfterCancel", "ReadNote", "ReadNote"], open.Select(t => t.ElementId).Order());
        await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.SignalAsync("Note", null, "c-1", null, Actors.Officer));
    }

    [Fact]
    public async Task MessageStartEvent_StartsAnInstanceWithTheCorrelationAndPayload()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("message-start.bpmn");

        var started = await engine.Runtime.SignalAsync("CaseCreated", null, "case-42", new() { ["summary"] = "Ny dom" }, Actors.Officer);

        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal("case-42", instance.CorrelationId);
        Assert.Equal(Actors.Officer.Office, instance.Office);
        Assert.Equal("Ny dom", (string?)(await engine.VariablesAsync(started.InstanceId))["summary"]);
        Assert.Equal("First", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        await Assert.ThrowsAsync<BadRequestException>(() => engine.StartAsync("MessageStart"));
    }

    [Fact]
    public async Task TimerStartEvent_StartsInstancesOnItsCycle_AndANewVersionReplacesItsTimer()
    {
        await using var engine = await TestEngine.StartAsync();
        var v1 = await engine.PublishFileAsync("timer-start.bpmn");
        var startTimer = Assert.Single(await engine.PendingTimersAsync());
        Assert.Null(startTimer.InstanceId);
        Assert.Equal(TestEngine.DefaultStart + Duration.FromHours(1), startTimer.DueAt);

        engine.Clock.AdvanceTo(startTimer.DueAt);
        Assert.Equal(TimerFireOutcome.Fired, await engine.FireAsync(startTimer));
        var second = Assert.Single(await engine.PendingTimersAsync());
        Assert.Equal(startTimer.DueAt + Duration.FromHours(1), second.DueAt);
        engine.Clock.AdvanceTo(second.DueAt);
        Assert.Equal(TimerFireOutcome.Fired, await engine.FireAsync(second));
        Assert.Empty(await engine.PendingTimersAsync());
        await using (var db = engine.CreateDbContext())
        {
            Assert.Equal(2, db.Instances.Count(i => i.DefinitionId == v1.Id));
        }

        var v2 = await engine.PublishFileAsync("timer-start.bpmn");
        var replaced = Assert.Single(await engine.PendingTimersAsync());
        Assert.Equal(v2.Id, replaced.DefinitionId);
        await engine.PublishFileAsync("timer-start.bpmn");
        Assert.NotEqual(v2.Id, Assert.Single(await engine.PendingTimersAsync()).DefinitionId);
    }

    [Fact]
    public async Task TimerStartCycle_FiresEachOccurrenceCountedFromItsStart()
    {
        await using var engine = await TestEngine.StartAsync(clockStart: Instant.FromUtc(2026, 1, 1, 0, 0));
        await engine.PublishFileAsync("timer-start-month-end.bpmn");
        var fired = new List<LocalDate>();
        while ((await engine.PendingTimersAsync()).SingleOrDefault() is { } timer)
        {
            engine.Clock.AdvanceTo(timer.DueAt);
            Assert.Equal(TimerFireOutcome.Fired, await engine.FireAsync(timer));
            fired.Add(timer.DueAt.InZone(Stockholm.Zone).Date);
        }

        // 31 Jan, 28 Feb, 31 Mar: each occurrence is truncated at month end on its own (lag (1930:173) 1 §).
        Assert.Equal([new LocalDate(2026, 1, 31), new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 31)], fired);
    }

    [Fact]
    public async Task Timer_FiredTwiceWithTheSameVersion_FiresOnlyOnce()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-noninterrupting.bpmn");
        var started = await engine.StartAsync("BoundaryTimerNonInterrupting", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        var overdue = (await engine.PendingTimersAsync(started.InstanceId)).Single(t => t.ElementId == "Overdue");
        engine.Clock.AdvanceTo(overdue.DueAt);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => engine.FireAsync(overdue)));

        Assert.Equal(1, outcomes.Count(o => o == TimerFireOutcome.Fired));
        Assert.Single(await engine.OpenTasksAsync(started.InstanceId), t => t.ElementId == "Escalate");
    }

    [Fact]
    public async Task CompletedTaskStatus_IsRecordedWithWhoAndWhen()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        engine.Clock.AdvanceBy(Duration.FromHours(2));

        await engine.CompleteAsync(task, new { outcome = "Avslagen" });

        await using var db = engine.CreateDbContext();
        var stored = db.Tasks.Single(t => t.Id == task.Id);
        Assert.Equal(HumanTaskStatus.Completed, stored.Status);
        Assert.Equal("anna", stored.CompletedBy);
        Assert.Equal(TestEngine.DefaultStart + Duration.FromHours(2), stored.CompletedAt);
        Assert.Contains("Avslagen", stored.Data);
    }
}
