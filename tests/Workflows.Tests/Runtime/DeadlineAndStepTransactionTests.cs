using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class DeadlineAndStepTransactionTests
{
    [Fact]
    public async Task WaivedDeadline_NeverFires_AndTheReasonIsRecorded()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-noninterrupting.bpmn");
        var started = await engine.StartAsync("BoundaryTimerNonInterrupting", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        var overdue = (await engine.PendingTimersAsync(started.InstanceId)).Single(t => t.ElementId == "Overdue");

        await engine.Runtime.WaiveTimerAsync(overdue.Id, "Klienten är inlagd på sjukhus.", Actors.Chief);

        Assert.Equal(TimerFireOutcome.Stale, await engine.FireAsync(overdue));
        Assert.DoesNotContain(await engine.OpenTasksAsync(started.InstanceId), t => t.ElementId == "Escalate");
        var deadline = Assert.Single(await engine.Instances.DeadlinesAsync(started.InstanceId, new LocalDate(2026, 3, 10)));
        Assert.Equal((DeadlineStatus.Waived, "bertil", "Klienten är inlagd på sjukhus."), (deadline.Status, deadline.WaivedBy, deadline.WaiverReason));
        Assert.Contains(await engine.Instances.JournalAsync(started.InstanceId), j => j.Kind == JournalKinds.DeadlineWaived && j.Actor == "bertil");
        await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.WaiveTimerAsync(overdue.Id, "igen", Actors.Chief));
    }

    [Fact]
    public async Task FiredDeadline_CanBeWaived_AndIsNoLongerOverdue_WhileItsEscalationGoesOn()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-noninterrupting.bpmn");
        var started = await engine.StartAsync("BoundaryTimerNonInterrupting", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        await engine.FireNextAsync(started.InstanceId, "Overdue");
        var fired = Assert.Single(await engine.Instances.DeadlinesAsync(started.InstanceId, new LocalDate(2026, 3, 10)));
        Assert.Equal(DeadlineStatus.Overdue, fired.Status);

        await engine.Runtime.WaiveTimerAsync(fired.Id, "Klienten har vårdats på sjukhus hela månaden.", Actors.Chief);

        var waived = Assert.Single(await engine.Instances.DeadlinesAsync(started.InstanceId, new LocalDate(2026, 3, 10)));
        Assert.Equal((DeadlineStatus.Waived, "bertil", "Klienten har vårdats på sjukhus hela månaden."), (waived.Status, waived.WaivedBy, waived.WaiverReason));
        Assert.Contains(await engine.OpenTasksAsync(started.InstanceId), t => t.ElementId == "Escalate");
        var entry = (await engine.Instances.JournalAsync(started.InstanceId)).Single(j => j.Kind == JournalKinds.DeadlineWaived);
        Assert.True((bool)System.Text.Json.Nodes.JsonNode.Parse(entry.Data!)!["afterDueDate"]!);
        await using var db = engine.CreateDbContext();
        var row = await db.Timers.AsNoTracking().SingleAsync(t => t.Id == fired.Id);
        Assert.Equal(TimerStatus.Fired, row.Status);
        Assert.NotNull(row.WaivedAt);

        var again = await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.WaiveTimerAsync(fired.Id, "igen", Actors.Chief));
        Assert.Contains("already waived", again.Message);
    }

    [Fact]
    public async Task FiredDeadline_IsMetLate_WhenItsActivityIsCompletedAfterIt()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-noninterrupting.bpmn");
        var started = await engine.StartAsync("BoundaryTimerNonInterrupting", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        await engine.FireNextAsync(started.InstanceId, "Overdue");

        await engine.CompleteAsync(await engine.OpenTaskAsync(started.InstanceId, "Draft"));

        Assert.Equal(DeadlineStatus.MetLate, Assert.Single(await engine.Instances.DeadlinesAsync(started.InstanceId, new LocalDate(2026, 3, 10))).Status);
        await using var db = engine.CreateDbContext();
        var row = await db.Timers.AsNoTracking().SingleAsync(t => t.ElementId == "Overdue" && t.InstanceId == started.InstanceId);
        Assert.Equal((TimerStatus.Fired, TimerCancellation.ActivityCompleted), (row.Status, row.ResolvedBecause));
    }

    [Fact]
    public async Task InterruptingDeadline_StaysOverdue_AfterItHasInterruptedItsActivity()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var started = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-31", office = "Stockholm" });

        await engine.FireNextAsync(started.InstanceId, "Overdue");

        Assert.DoesNotContain(await engine.OpenTasksAsync(started.InstanceId), t => t.ElementId == "Draft");
        Assert.Equal(DeadlineStatus.Overdue, Assert.Single(await engine.Instances.DeadlinesAsync(started.InstanceId, new LocalDate(2026, 3, 10))).Status);
    }

    [Fact]
    public async Task DeadlinePastTheEndOfTheCalendar_BecomesAnIncident_NotAFailedStep()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");

        // 9999-12-31 plus a month cannot be represented; the step is saved with an incident saying so.
        var started = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "9999-12-31", office = "Stockholm" });

        Assert.Contains("outside the calendar", Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId)).Message);
        Assert.Empty(await engine.PendingTimersAsync(started.InstanceId));
    }

    [Fact]
    public async Task Waiver_NeedsAReason_AndOnlyDeadlinesTheWorkflowDoesNotWaitOnCanBeWaived()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("intermediate-timer.bpmn");
        var started = await engine.StartAsync("IntermediateTimer", new { supervisionStart = "2026-01-31" });
        var timer = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));

        await Assert.ThrowsAsync<BadRequestException>(() => engine.Runtime.WaiveTimerAsync(timer.Id, " ", Actors.Chief));
        var refused = await Assert.ThrowsAsync<ConflictException>(() => engine.Runtime.WaiveTimerAsync(timer.Id, "skäl", Actors.Chief));
        Assert.Contains("waits for it", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => engine.Runtime.WaiveTimerAsync(Guid.NewGuid(), "skäl", Actors.Chief));
    }

    [Fact]
    public async Task DeadlineStatus_IsPendingThenOverdue_OrMetWhenTheWorkIsDoneInTime()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-noninterrupting.bpmn");
        var late = await engine.StartAsync("BoundaryTimerNonInterrupting", new { supervisionStart = "2026-01-31", office = "Stockholm" });
        var early = await engine.StartAsync("BoundaryTimerNonInterrupting", new { supervisionStart = "2026-01-31", office = "Stockholm" });

        Assert.Equal(DeadlineStatus.Pending, Assert.Single(await engine.Instances.DeadlinesAsync(late.InstanceId, new LocalDate(2026, 2, 28))).Status);
        Assert.Equal(DeadlineStatus.Overdue, Assert.Single(await engine.Instances.DeadlinesAsync(late.InstanceId, new LocalDate(2026, 3, 1))).Status);
        await engine.FireNextAsync(late.InstanceId, "Overdue");
        Assert.Equal(DeadlineStatus.Overdue, Assert.Single(await engine.Instances.DeadlinesAsync(late.InstanceId, new LocalDate(2026, 3, 1))).Status);

        await engine.CompleteAsync(await engine.OpenTaskAsync(early.InstanceId, "Draft"));
        var met = Assert.Single(await engine.Instances.DeadlinesAsync(early.InstanceId, new LocalDate(2026, 3, 1)));
        Assert.Equal((DeadlineStatus.Met, "TestMonth", new LocalDate(2026, 2, 28)), (met.Status, met.Rule, met.DueDate));
        Assert.Equal("Test 1 §", met.LegalReference);
    }

    [Fact]
    public async Task DomainWritesOfAStep_CommitWithIt_OrNotAtAll()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        await using (var db = engine.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE public.side_effect (note text)");
        }

        var kept = await engine.Runtime.StartAsync(new StartInstance("UserTask", CorrelationId: "kept"), Actors.Officer, (tx, ct) => Insert(tx, "kept", ct));
        await Assert.ThrowsAsync<PostgresException>(() =>
            engine.Runtime.StartAsync(new StartInstance("UserTask", CorrelationId: "lost"), Actors.Officer, (tx, ct) => Insert(tx, null, ct)));

        await using var check = engine.CreateDbContext();
        Assert.Equal(["kept"], await check.Database.SqlQuery<string>($"SELECT note AS \"Value\" FROM public.side_effect").ToListAsync());
        Assert.Equal(["kept"], await check.Instances.Select(i => i.CorrelationId!).ToListAsync());
        Assert.Equal(InstanceStatus.Running, kept.Status);
    }

    private static async Task Insert(Verkstallighet.Workflows.Activities.StepTransaction step, string? note, CancellationToken ct)
    {
        // A null note violates the (deliberately added) NOT NULL constraint, so the whole step must roll back.
        await using var constraint = new NpgsqlCommand("ALTER TABLE public.side_effect ALTER COLUMN note SET NOT NULL", (NpgsqlConnection)step.Connection, (NpgsqlTransaction)step.Transaction);
        await constraint.ExecuteNonQueryAsync(ct);
        await using var command = new NpgsqlCommand("INSERT INTO public.side_effect (note) VALUES (@note)", (NpgsqlConnection)step.Connection, (NpgsqlTransaction)step.Transaction);
        command.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
