using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Scheduling;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests.Scheduling;

/// <summary>
/// A new version of a deadline rule followed through the pending deadlines. The engine's clock starts on 31 January 2026;
/// TestMonth is P1M from the anchor <c>supervisionStart</c> (boundary-timer.bpmn: the task Draft, escalated when overdue).
/// </summary>
public sealed class DeadlineReschedulingTests
{
    private static readonly Actor Administrator = new("admin", new HashSet<string> { "Administrator" }, null);

    [Fact]
    public async Task P1MBecomesP30DForPendingDeadlines_OnlyAnchorsFromTheEffectiveDateMove_WithTimerBookmarkTaskAndJournal()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var before = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-15" });
        var after = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" });
        var version = await NewVersionAsync(engine, "P30D", new LocalDate(2026, 2, 1));

        var impact = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator);
        Assert.Equal(2, impact.PendingDeadlines);
        Assert.Equal(1, impact.Moving);
        Assert.Equal(new Dictionary<int, int> { [2] = 1 }, impact.DaysMoved); // 10 Mar → 12 Mar
        Assert.Equal(new Dictionary<string, int> { ["BoundaryTimer"] = 1 }, impact.ByWorkflow);
        Assert.Empty(impact.BecomeOverdue);

        var result = await Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, impact.Fingerprint, "KVFS ändrad", Administrator);
        Assert.Equal((1, 1, 0), (result.Moved, result.Instances, result.ChangedMeanwhile));

        await AssertDueEverywhereAsync(engine, before.InstanceId, new LocalDate(2026, 2, 15), ruleVersion: 1);
        await AssertDueEverywhereAsync(engine, after.InstanceId, new LocalDate(2026, 3, 12), ruleVersion: version);
        await using var db = engine.CreateDbContext();
        var entry = await db.Journal.SingleAsync(j => j.InstanceId == after.InstanceId && j.Kind == JournalKinds.DeadlineRescheduled);
        Assert.Contains("KVFS ändrad", entry.Data);
        Assert.Contains("2026-03-12", entry.Data);
        Assert.Equal("admin", entry.Actor);
        Assert.False(await db.Journal.AnyAsync(j => j.InstanceId == before.InstanceId && j.Kind == JournalKinds.DeadlineRescheduled));
    }

    [Fact]
    public async Task NewDeadlinesOnly_PendingDeadlinesKeepTheirDates_AndANewDeadlineCountsWithTheVersionOnItsAnchorDate()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var pending = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" });
        var version = await NewVersionAsync(engine, "P30D", new LocalDate(2026, 2, 1));

        var impact = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.NewOnly, Administrator);
        Assert.Equal(0, impact.Moving);
        var result = await Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.NewOnly, impact.Fingerprint, "Bara nya", Administrator);
        Assert.Equal(0, result.Moved);
        await AssertDueEverywhereAsync(engine, pending.InstanceId, new LocalDate(2026, 3, 10), ruleVersion: 1);

        var started = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" });
        await AssertDueEverywhereAsync(engine, started.InstanceId, new LocalDate(2026, 3, 12), ruleVersion: version);
    }

    [Fact]
    public async Task ATransitionProvisionForAllPending_MovesAnchorsBeforeTheEffectiveDateToo_FromMonthEndInALeapYear()
    {
        await using var engine = await TestEngine.StartAsync(clockStart: Instant.FromUtc(2024, 1, 31, 8, 0));
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var monthEnd = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2024-01-31" });
        await AssertDueEverywhereAsync(engine, monthEnd.InstanceId, new LocalDate(2024, 2, 29), ruleVersion: 1); // 1930:173 1 §: truncated at month end
        var version = await NewVersionAsync(engine, "P30D", new LocalDate(2024, 3, 1));

        Assert.Equal(0, (await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator)).Moving);
        var impact = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.AllPending, Administrator);
        Assert.Equal(new Dictionary<int, int> { [1] = 1 }, impact.DaysMoved);
        await Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.AllPending, impact.Fingerprint, "Övergångsbestämmelse", Administrator);

        await AssertDueEverywhereAsync(engine, monthEnd.InstanceId, new LocalDate(2024, 3, 1), ruleVersion: version);
    }

    [Fact]
    public async Task TheNextWorkingDayRule_MovesADueDateOnAPublicHoliday_AndThePreviewCountsIt()
    {
        // lag (1930:173) 2 §: 6 Jan 2026 + P5M = 6 Jun 2026, Sweden's National Day (a Saturday too); next working day Mon 8 Jun.
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var holiday = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-06" });
        var off = await NewVersionAsync(engine, "P5M", new LocalDate(2026, 1, 1), confirmPast: true);
        var impactOff = await Rescheduling(engine).PreviewAsync("TestMonth", off, DeadlineChangeScope.Pending, Administrator);
        await Rescheduling(engine).ApplyAsync("TestMonth", off, DeadlineChangeScope.Pending, impactOff.Fingerprint, "Fem månader", Administrator);
        Assert.Equal(0, impactOff.MovedByNextWorkingDay);
        await AssertDueEverywhereAsync(engine, holiday.InstanceId, new LocalDate(2026, 6, 6), ruleVersion: off);

        var on = await NewVersionAsync(engine, "P5M", new LocalDate(2026, 1, 1), confirmPast: true, nextWorkingDay: true);
        var impactOn = await Rescheduling(engine).PreviewAsync("TestMonth", on, DeadlineChangeScope.Pending, Administrator);
        Assert.Equal((1, 1), (impactOn.Moving, impactOn.MovedByNextWorkingDay));
        await Rescheduling(engine).ApplyAsync("TestMonth", on, DeadlineChangeScope.Pending, impactOn.Fingerprint, "Nästa arbetsdag", Administrator);
        await AssertDueEverywhereAsync(engine, holiday.InstanceId, new LocalDate(2026, 6, 8), ruleVersion: on);
    }

    [Fact]
    public async Task AStalePreview_IsRefusedWith409_WhenADeadlineWasMetSinceOrANewerVersionExists()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var first = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" });
        await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-11" });
        var version = await NewVersionAsync(engine, "P30D", new LocalDate(2026, 2, 1));
        var impact = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator);
        Assert.Equal(2, impact.Moving);

        await engine.CompleteAsync(await engine.OpenTaskAsync(first.InstanceId, "Draft")); // the deadline is met
        await Assert.ThrowsAsync<ConflictException>(() =>
            Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, impact.Fingerprint, "Inaktuell", Administrator));

        var fresh = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator);
        var newer = await NewVersionAsync(engine, "P20D", new LocalDate(2026, 2, 1));
        await Assert.ThrowsAsync<ConflictException>(() =>
            Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, fresh.Fingerprint, "Inaktuell", Administrator));
        Assert.True(newer > version);
        Assert.Empty(await MovedJournalAsync(engine));
    }

    [Fact]
    public async Task ADeadlineThatBecomesOverdue_IsListed_AndFiresThroughTheSweepOnce()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var late = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-01-05", office = "Göteborg" });
        var staleTimer = Assert.Single(await engine.PendingTimersAsync(late.InstanceId));
        var version = await NewVersionAsync(engine, "P20D", new LocalDate(2025, 12, 1), confirmPast: true);

        var impact = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator);
        var overdue = Assert.Single(impact.BecomeOverdue);
        Assert.Equal((late.InstanceId, "Göteborg", new LocalDate(2026, 1, 25)), (overdue.Deadline.InstanceId, overdue.Deadline.Office, overdue.NewDueDate));
        Assert.Equal(new Dictionary<string, int> { ["Göteborg"] = 1 }, impact.ByOffice);
        await Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, impact.Fingerprint, "Kortare frist", Administrator);

        var claimed = Assert.Single(await engine.Sweeper.ClaimAndEnqueueAsync());
        Assert.Equal(staleTimer.Id, claimed.Id);
        Assert.Empty(await engine.Sweeper.ClaimAndEnqueueAsync()); // leased: not claimed twice
        Assert.Equal(TimerFireOutcome.Stale, await engine.Runtime.FireTimerAsync(staleTimer.Id, staleTimer.Version)); // a job for the old version
        Assert.Equal(TimerFireOutcome.Fired, await engine.Runtime.FireTimerAsync(claimed.Id, claimed.Version));
        Assert.Equal(TimerFireOutcome.Stale, await engine.Runtime.FireTimerAsync(claimed.Id, claimed.Version));
        Assert.Single(await engine.OpenTasksAsync(late.InstanceId), t => t.ElementId == "Escalate");
    }

    [Fact]
    public async Task AnApplyAbandonedMidway_LeavesEachDeadlineWhollyOldOrNew_AndANewPreviewFinishesIt()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var instances = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add((await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" })).InstanceId);
        }

        var version = await NewVersionAsync(engine, "P30D", new LocalDate(2026, 2, 1));
        var rescheduling = new DeadlineRescheduling(
            engine.Services.GetRequiredService<IDbContextFactory<Verkstallighet.Workflows.Persistence.WorkflowsDbContext>>(),
            engine.Services.GetRequiredService<DeadlineRuleStore>(),
            engine.Services.GetRequiredService<ZonedClock>(),
            engine.Services.GetRequiredService<Verkstallighet.Workflows.Access.InstanceAccess>(),
            engine.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TimerOptions>>()) { BatchSize = 1, Writers = 1 };
        var impact = await rescheduling.PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator);

        // The third batch (instances in the apply's order) waits for a row lock; the apply is then stopped, its open
        // transaction dropped, as a killed process's would be.
        var third = instances.Order().ElementAt(2);
        await using var blocker = new NpgsqlConnection(engine.ConnectionString);
        await blocker.OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM workflows.timers WHERE instance_id = @id FOR UPDATE", blocker, blocking))
        {
            lockRow.Parameters.AddWithValue("id", third);
            await lockRow.ExecuteNonQueryAsync();
        }

        using var stop = new CancellationTokenSource();
        var apply = rescheduling.ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, impact.Fingerprint, "Avbruten", Administrator, stop.Token);
        await using var watcher = new NpgsqlConnection(engine.ConnectionString);
        await watcher.OpenAsync();
        while (!apply.IsCompleted && await WaitingForLocksAsync(watcher) == 0)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => apply);
        await blocking.RollbackAsync();

        var moved = instances.Order().Take(2).ToHashSet();
        foreach (var id in instances)
        {
            await AssertDueEverywhereAsync(engine, id, moved.Contains(id) ? new LocalDate(2026, 3, 12) : new LocalDate(2026, 3, 10), moved.Contains(id) ? version : 1);
        }

        var rest = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator);
        Assert.Equal(2, rest.Moving);
        Assert.Equal(2, (await Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, rest.Fingerprint, "Återupptagen", Administrator)).Moved);
        foreach (var id in instances)
        {
            await AssertDueEverywhereAsync(engine, id, new LocalDate(2026, 3, 12), version);
        }

        Assert.Equal(4, (await MovedJournalAsync(engine)).Count);
    }

    [Fact]
    public async Task OnlyARuleAdministrator_ChangesPreviewsOrAppliesARule_AndAnApplyNeedsAReason()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" });
        var chief = new Actor("bertil", new HashSet<string> { "Chief", "Officer" }, "Malmö");

        await Assert.ThrowsAsync<ForbiddenException>(() => engine.Services.GetRequiredService<DeadlineRuleVersions>().AddAsync(
            "TestMonth", new DeadlineRuleChange("P30D", new LocalDate(2026, 2, 1), false, null, "Inte min sak"), chief));
        var version = await NewVersionAsync(engine, "P30D", new LocalDate(2026, 2, 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, chief));
        var impact = await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, impact.Fingerprint, "Inte min sak", chief));
        var noReason = await Assert.ThrowsAsync<FormInvalidException>(() =>
            Rescheduling(engine).ApplyAsync("TestMonth", version, DeadlineChangeScope.Pending, impact.Fingerprint, " ", Administrator));

        Assert.Equal("reason", Assert.Single(noReason.Problems).Field);
        Assert.Equal(1, (await Rescheduling(engine).PreviewAsync("TestMonth", version, DeadlineChangeScope.Pending, Administrator)).Moving);
    }

    private static DeadlineRescheduling Rescheduling(TestEngine engine) => engine.Services.GetRequiredService<DeadlineRescheduling>();

    private static async Task<int> NewVersionAsync(TestEngine engine, string period, LocalDate from, bool confirmPast = false, bool nextWorkingDay = false) =>
        (await engine.Services.GetRequiredService<DeadlineRuleVersions>().AddAsync(
            "TestMonth", new DeadlineRuleChange(period, from, nextWorkingDay, null, "Ändrad föreskrift", confirmPast), Administrator)).Version;

    /// <summary>The deadline's timer, its bookmark's copy and the open task all show <paramref name="due"/>.</summary>
    private static async Task AssertDueEverywhereAsync(TestEngine engine, Guid instanceId, LocalDate due, int ruleVersion)
    {
        await using var db = engine.CreateDbContext();
        var timer = await db.Timers.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending);
        var bookmark = await db.Set<Bookmark>().AsNoTracking().SingleAsync(b => b.Id == timer.BookmarkId);
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId && t.Status == HumanTaskStatus.Open);
        Assert.Equal((due, due, due, ruleVersion), (timer.DueDate!.Value, bookmark.DueDate!.Value, task.DueDate!.Value, timer.DeadlineRuleVersion!.Value));
        Assert.Equal(DeadlineCalculator.OverdueAt(due), timer.DueAt);
    }

    private static async Task<List<JournalEntry>> MovedJournalAsync(TestEngine engine)
    {
        await using var db = engine.CreateDbContext();
        return await db.Journal.AsNoTracking().Where(j => j.Kind == JournalKinds.DeadlineRescheduled).ToListAsync();
    }

    private static async Task<long> WaitingForLocksAsync(NpgsqlConnection watcher)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watcher);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
