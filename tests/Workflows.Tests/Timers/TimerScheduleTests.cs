using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Timers;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeZone Stockholm = global::Verkstallighet.Workflows.Time.Stockholm.Zone;

    private static Instant Local(int year, int month, int day, int hour = 0) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Stockholm).ToInstant();

    private static WorkflowTimer CycleTimer(string cycle, Instant now)
    {
        Assert.True(IsoTime.TryParseCycle(cycle, Stockholm, out var repetitions, out var start, out var interval));
        var timer = new WorkflowTimer { ElementId = "Cycle" };
        TimerSchedule.ApplyLiteral(timer, new TimerSpec(TimerSpecKind.Cycle, cycle, interval, Repetitions: repetitions, CycleStart: start), now);
        return timer;
    }

    /// <summary>Fires the timer at its due time and returns every due time it had, the first included.</summary>
    private static List<Instant> FireUntilDone(WorkflowTimer timer)
    {
        var dueTimes = new List<Instant> { timer.DueAt };
        while (timer.Fire(timer.DueAt))
        {
            dueTimes.Add(timer.DueAt);
        }

        return dueTimes;
    }

    [Fact]
    public void Cycle_CountsEveryOccurrenceFromItsStart_SoMonthEndTruncationDoesNotCarryOver()
    {
        // Lag (1930:173) 1 §: each occurrence is truncated at month end on its own: 31 Jan, 28 Feb, 31 Mar (not 28 Mar).
        var timer = CycleTimer("R3/2026-01-31T00:00/P1M", Local(2026, 1, 1));

        Assert.Equal([Local(2026, 1, 31), Local(2026, 2, 28), Local(2026, 3, 31)], FireUntilDone(timer));
    }

    [Fact]
    public void DeadlineAndCycle_BothCountFromTheirOriginalDate()
    {
        // A deadline is anchor + period (16 §'s one month from 31 January), never chained from an earlier due date.
        var anchor = new LocalDate(2026, 1, 31);
        Assert.Equal(new LocalDate(2026, 2, 28), DeadlineCalculator.DueDate(anchor, Period.FromMonths(1), moveToNextWorkingDay: false));
        Assert.Equal(new LocalDate(2026, 3, 31), DeadlineCalculator.DueDate(anchor, Period.FromMonths(2), moveToNextWorkingDay: false));

        // A cycle's third occurrence is its start + 2 × interval, the same date.
        var timer = CycleTimer("R3/2026-01-31T00:00/P1M", Local(2026, 1, 1));
        Assert.Equal(Local(2026, 3, 31), FireUntilDone(timer)[2]);
    }

    [Fact]
    public void Cycle_WithoutStart_CountsFromWhenItWasEntered()
    {
        var timer = CycleTimer("R2/P1M", Local(2026, 1, 31, 10));

        Assert.Equal([Local(2026, 2, 28, 10), Local(2026, 3, 31, 10)], FireUntilDone(timer));
    }

    [Fact]
    public void Cycle_SkipsOccurrencesTheClockJumpedPast_AndTheyUseUpItsRepetitions()
    {
        var timer = CycleTimer("R4/2026-01-31T00:00/P1M", Local(2026, 1, 1));

        // Fired late, on 15 April: 28 Feb and 31 Mar are gone; the fourth and last occurrence, 30 April, is next.
        Assert.True(timer.Fire(Local(2026, 4, 15)));
        Assert.Equal(Local(2026, 4, 30), timer.DueAt);
        Assert.Equal(0, timer.RepeatsRemaining);
        Assert.False(timer.Fire(timer.DueAt));
    }

    [Fact]
    public void Cycle_ThatMissedMillionsOfOccurrences_FindsTheNextOneExactly()
    {
        var timer = CycleTimer("R/2026-01-01T00:00/PT1M", Local(2026, 1, 1));
        var now = Local(2036, 1, 1) + Duration.FromSeconds(30);

        Assert.True(timer.Fire(now));

        Assert.Equal(Local(2036, 1, 1) + Duration.FromMinutes(1), timer.DueAt);
        Assert.Null(timer.RepeatsRemaining);
    }

    [Fact]
    public void Cycle_EndsWhenItsNextOccurrenceLiesPastTheCalendar()
    {
        var timer = CycleTimer("R/9999-10-31T00:00/P1M", Local(9999, 10, 1));

        Assert.True(timer.Fire(timer.DueAt));
        Assert.Equal(Local(9999, 11, 30), timer.DueAt);
        Assert.True(timer.Fire(timer.DueAt));
        Assert.False(timer.Fire(timer.DueAt));
    }
}
