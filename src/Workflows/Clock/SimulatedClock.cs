using NodaTime;

namespace Verkstallighet.Workflows.Clock;

/// <summary>
/// A clock that only moves when told to. The Host runs on it when <c>Clock:Mode</c> is <c>Simulated</c>, for tests,
/// demos and simulation; in production the clock is the system clock and this type is not registered.
/// </summary>
public sealed class SimulatedClock(Instant start) : IClock
{
    private readonly Lock gate = new();
    private Instant now = start;

    public Instant GetCurrentInstant()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>Moves the clock forward; it never goes back, so journals stay in order.</summary>
    public Instant AdvanceBy(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "The clock cannot go back.");
        }

        lock (gate)
        {
            now += duration;
            return now;
        }
    }

    public Instant AdvanceTo(Instant target)
    {
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
}
