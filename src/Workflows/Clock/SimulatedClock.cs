using NodaTime;

namespace Verkstallighet.Workflows.Clock;

/// <summary>
/// A clock that only moves when told to. The Host runs on it when <c>Clock:Mode</c> is <c>Simulated</c>, for tests,
/// demos and simulation; in production the clock is the system clock and this type is not registered.
/// </summary>
public sealed class SimulatedClock : IClock
{
    /// <summary>
    /// The latest time the clock may show. Far enough to simulate any sentence, and far enough from the end of the
    /// calendar (9999-12-31) that every date, deadline and cycle computed from "now" still exists.
    /// </summary>
    public static readonly Instant Latest = Instant.FromUtc(9000, 1, 1, 0, 0);

    /// <summary>The earliest: before it, Europe/Stockholm has no rules that deadlines could be computed in.</summary>
    public static readonly Instant Earliest = Instant.FromUtc(1900, 1, 1, 0, 0);

    private readonly Lock gate = new();
    private Instant now;

    public SimulatedClock(Instant start)
    {
        EnsureUsable(start, "start");
        now = start;
    }

    /// <summary>Whether the clock may show <paramref name="instant"/>.</summary>
    public static bool IsUsable(Instant instant) => instant >= Earliest && instant < Latest;

    public Instant GetCurrentInstant()
    {
        lock (gate)
        {
            return now;
        }
    }

    public Instant AdvanceBy(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "The clock cannot go back.");
        }

        lock (gate)
        {
            var target = now + duration;
            EnsureUsable(target, nameof(duration));
            now = target;
            return now;
        }
    }

    /// <summary>Moves the clock forward; it never goes back, so journals stay in order.</summary>
    public Instant AdvanceTo(Instant target)
    {
        EnsureUsable(target, nameof(target));
        lock (gate)
        {
            if (target < now)
            {
                throw new ArgumentOutOfRangeException(nameof(target), $"The clock is at {now} and cannot go back to {target}.");
            }

            now = target;
            return now;
        }
    }

    private static void EnsureUsable(Instant instant, string parameter)
    {
        if (!IsUsable(instant))
        {
            throw new ArgumentOutOfRangeException(parameter, $"The simulated clock must lie between {Earliest} and {Latest}; {instant} does not.");
        }
    }
}
