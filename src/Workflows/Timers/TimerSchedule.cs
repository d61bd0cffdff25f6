using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Timers;

/// <summary>Due times of literal timers (durations, dates, cycles), computed in Europe/Stockholm.</summary>
internal static class TimerSchedule
{
    public static void ApplyLiteral(WorkflowTimer timer, TimerSpec spec, Instant now)
    {
        var zone = DeadlineCalculator.Stockholm;
        switch (spec.Kind)
        {
            case TimerSpecKind.Duration:
                timer.DueAt = IsoTime.Add(now, spec.Period!, zone);
                break;
            case TimerSpecKind.Date:
                if (!IsoTime.TryParseInstant(spec.Text, zone, out var at))
                {
                    throw new InvalidOperationException($"'{spec.Text}' is not a date.");
                }

                timer.DueAt = at;
                break;
            case TimerSpecKind.Cycle:
                timer.CycleInterval = spec.Period!.ToString();
                timer.DueAt = spec.CycleStart ?? IsoTime.Add(now, spec.Period, zone);
                timer.RepeatsRemaining = spec.Repetitions - 1;
                break;
            default:
                throw new InvalidOperationException($"A {spec.Kind} timer is not literal.");
        }
    }

    /// <summary>
    /// Moves a fired cycle timer to its next occurrence after <paramref name="now"/> (occurrences missed while the
    /// clock jumped are skipped, not replayed). False when it has no repetitions left.
    /// </summary>
    public static bool TryScheduleNextRepetition(WorkflowTimer timer, Instant now)
    {
        if (timer.CycleInterval is null || timer.RepeatsRemaining is <= 0 || !IsoTime.TryParsePeriod(timer.CycleInterval, out var interval))
        {
            return false;
        }

        var next = IsoTime.Add(timer.DueAt, interval, DeadlineCalculator.Stockholm);
        for (var i = 0; next <= now && i < 100_000; i++)
        {
            next = IsoTime.Add(next, interval, DeadlineCalculator.Stockholm);
        }

        timer.DueAt = next;
        timer.RepeatsRemaining--;
        timer.Version++;
        timer.LockedUntil = null;
        timer.Attempts = 0;
        return true;
    }
}
