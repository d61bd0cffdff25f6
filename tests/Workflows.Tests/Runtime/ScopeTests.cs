using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class ScopeTests
{
    [Fact]
    public async Task EmbeddedSubProcess_RunsItsBody_ThenContinuesAfterIt()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("subprocess.bpmn");
        var started = await engine.StartAsync("SubProcess");

        var inner = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal("Inner", inner.ElementId);
        Assert.Equal(new NodaTime.LocalDate(2026, 2, 2), inner.DueDate); // the sub-process's two-day deadline
        await engine.CompleteAsync(inner);

        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
    }

    [Fact]
    public async Task InterruptingBoundaryOnSubProcess_CancelsEverythingInside()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("subprocess.bpmn");
        var started = await engine.StartAsync("SubProcess");
        var inner = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));

        await engine.FireNextAsync(started.InstanceId, "TooSlow");

        Assert.Equal("Timeout", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        await Assert.ThrowsAsync<ConflictException>(() => engine.CompleteAsync(inner));
    }

    [Fact]
    public async Task InterruptingEventSubProcess_CancelsTheOtherWorkOfItsScope()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-subprocess.bpmn");
        var started = await engine.StartAsync("EventSubProcess", new { supervisionStart = "2026-01-31" }, "c-9");

        await engine.Runtime.SignalAsync("Transfer", null, "c-9", null, Actors.Officer);

        var transfer = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal("Transfer", transfer.ElementId);
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
        await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.SignalAsync("Info", null, "c-9", null, Actors.Officer));
        Assert.Equal(InstanceStatus.Completed, (await engine.CompleteAsync(transfer)).Status);
    }

    [Fact]
    public async Task NonInterruptingEventSubProcess_RunsBesideTheMainFlow_AndCanStartAgain()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-subprocess.bpmn");
        var started = await engine.StartAsync("EventSubProcess", new { supervisionStart = "2026-01-31" }, "c-10");

        await engine.Runtime.SignalAsync("Info", null, "c-10", null, Actors.Officer);
        await engine.Runtime.SignalAsync("Info", null, "c-10", null, Actors.Officer);
        var open = await engine.OpenTasksAsync(started.InstanceId);
        Assert.Equal(["Info", "Info", "Main"], open.Select(t => t.ElementId).Order());

        // The scope lives on while its event sub-processes run.
        await engine.CompleteAsync(open.Single(t => t.ElementId == "Main"));
        Assert.Equal(InstanceStatus.Running, (await engine.InstanceAsync(started.InstanceId)).Status);
        Assert.Single(await engine.PendingTimersAsync(started.InstanceId));
        await engine.CompleteAsync(open.First(t => t.ElementId == "Info"));
        var last = await engine.CompleteAsync(open.Last(t => t.ElementId == "Info"));
        Assert.Equal(InstanceStatus.Completed, last.Status);
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
    }

    [Fact]
    public async Task TimerEventSubProcess_FiresOnItsDeadline_WithoutInterrupting()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("event-subprocess.bpmn");
        var started = await engine.StartAsync("EventSubProcess", new { supervisionStart = "2026-01-31" }, "c-11");
        var timer = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));
        Assert.Equal(new NodaTime.LocalDate(2026, 2, 28), timer.DueDate);

        await engine.FireNextAsync(started.InstanceId, "DeadlineStart");

        Assert.Equal(["Escalate", "Main"], (await engine.OpenTasksAsync(started.InstanceId)).Select(t => t.ElementId).Order());
    }

    [Fact]
    public async Task TerminateEndEvent_EndsTheWholeInstance_CancellingTasksAndTimers()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("terminate.bpmn");
        var started = await engine.StartAsync("Terminate");
        var tasks = await engine.OpenTasksAsync(started.InstanceId);
        var timer = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));

        var result = await engine.CompleteAsync(tasks.Single(t => t.ElementId == "B"));

        Assert.Equal(InstanceStatus.Terminated, result.Status);
        Assert.Empty(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
        Assert.Equal(TimerFireOutcome.Stale, await engine.FireAsync(timer));
        await Assert.ThrowsAsync<ConflictException>(() => engine.CompleteAsync(tasks.Single(t => t.ElementId == "A")));
    }

    [Fact]
    public async Task TerminateEndEventInASubProcess_EndsOnlyThatSubProcess()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("terminate-in-subprocess.bpmn");
        var started = await engine.StartAsync("TerminateInSubProcess");
        var tasks = await engine.OpenTasksAsync(started.InstanceId);

        await engine.CompleteAsync(tasks.Single(t => t.ElementId == "B"));

        Assert.Equal("After", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
        Assert.Equal(InstanceStatus.Running, (await engine.InstanceAsync(started.InstanceId)).Status);
    }
}
