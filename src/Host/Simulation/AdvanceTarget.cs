using NodaTime;
using NodaTime.Text;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Host.Simulation;

/// <summary>Where an advance takes a simulation's clock: by an ISO 8601 period from now, or to a date or instant (the same rules as the Host's clock).</summary>
internal static class AdvanceTarget
{
    public static Instant Of(string? by, string? to, Instant now)
    {
        if ((by is null) == (to is null))
        {
            throw new BadRequestException("Give exactly one of 'by' (an ISO 8601 duration such as P1M) and 'to' (a date or instant).");
        }

        if (by is not null)
        {
            if (!IsoTime.TryParsePeriod(by, out var period))
            {
                throw new BadRequestException($"'{by}' is not an ISO 8601 duration such as P1D, P1M or PT2H.");
            }

            try
            {
                return Usable(IsoTime.Add(now, period, Stockholm.Zone), $"'{by}' from now");
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                throw OutOfRange($"'{by}' from now");
            }
        }

        if (!IsoTime.TryParseInstant(to!, Stockholm.Zone, out var target))
        {
            throw new BadRequestException($"'{to}' is not an ISO 8601 date or instant.");
        }

        return target < now
            ? throw new BadRequestException($"The simulation is at {InstantPattern.General.Format(now)} and its clock never goes back.")
            : Usable(target, $"'{to}'");
    }

    /// <summary>A simulation's first moment: the start of the given date in Stockholm, or the instant given.</summary>
    public static Instant Start(string? start, Instant realNow)
    {
        if (start is null)
        {
            return realNow;
        }

        return IsoTime.TryParseInstant(start, Stockholm.Zone, out var instant)
            ? Usable(instant, $"'{start}'")
            : throw new BadRequestException($"'start' must be an ISO 8601 date or instant, not '{start}'.");
    }

    private static Instant Usable(Instant target, string what) => SimulatedClock.IsUsable(target) ? target : throw OutOfRange(what);

    private static BadRequestException OutOfRange(string what) => new(
        $"{what} is beyond what a simulated clock can show ({InstantPattern.General.Format(SimulatedClock.Earliest)} to {InstantPattern.General.Format(SimulatedClock.Latest)}).");
}
