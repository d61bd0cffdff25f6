using NodaTime;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Timers;

/// <summary>Due times of literal timers (durations, dates, cycles), computed in Europe/Stockholm.</summary>
internal static class TimerSchedule
{
    public static void ApplyLiteral(WorkflowTimer timer, TimerSpec spec, Instant now)
    {
        var zone = Stockholm.Zone;
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
                // R/start/interval fires first at its start; R/interval counts from now and fires first one interval later.
                timer.CycleInterval = spec.Period;
                timer.CycleStart = spec.CycleStart ?? now;
                timer.CycleOccurrence = spec.CycleStart is null ? 1 : 0;
                timer.DueAt = IsoTime.Occurrence(timer.CycleStart.Value, spec.Period!, timer.CycleOccurrence, zone)
                    ?? throw new ArgumentOutOfRangeException(nameof(spec), $"The cycle '{spec.Text}' starts outside the calendar.");
                timer.RepeatsRemaining = spec.Repetitions - 1;
                break;
            default:
                throw new InvalidOperationException($"A {spec.Kind} timer is not literal.");
        }
    }

    /// <summary>
    /// The next occurrence of a cycle timer after <paramref name="now"/>. Occurrences missed while the clock jumped are
    /// skipped, not replayed, and they use up the series' repetitions: <c>R3</c> never fires past its third occurrence.
    /// Null when no occurrence is left, or the timer is no cycle.
    /// </summary>
    public static CycleRepetition? NextRepetition(WorkflowTimer timer, Instant now)
    {
        if (timer.CycleInterval is not { } interval || timer.CycleStart is not { } start || timer.RepeatsRemaining is <= 0)
        {
            return null;
        }

        if (IsoTime.FirstOccurrenceAfter(start, interval, timer.CycleOccurrence + 1, now, Stockholm.Zone) is not var (occurrence, dueAt))
        {
            return null; // the series runs past the end of the calendar
        }

        var used = occurrence - timer.CycleOccurrence;
        if (timer.RepeatsRemaining is { } remaining && used > remaining)
        {
            return null;
        }

        return new CycleRepetition(occurrence, dueAt, timer.RepeatsRemaining - used);
    }
}
