using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Scheduling;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Host.Api.Clock;

/// <summary>The clock. The advance endpoint exists only when the Host runs on the simulated clock.</summary>
public static class ClockEndpoints
{
    public static IEndpointRouteBuilder MapClock(this IEndpointRouteBuilder app, bool simulated)
    {
        var group = app.MapApiGroup("/api/clock", "Clock");
        group.MapGet("/", ReadClock).WithSummary("The engine's current time.");

        if (!simulated)
        {
            return app;
        }

        group.MapPost("/advance", Advance)
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Moves the simulated clock forward and at once fires every timer that has become due (administrators).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="simulatedClock">Registered exactly when the Host runs on the simulated clock, as the engine's start-up reads it.</param>
    public static Ok<ClockResponse> ReadClock(IClock clock, [FromServices] SimulatedClock? simulatedClock)
    {
        var now = clock.GetCurrentInstant();
        return TypedResults.Ok(new ClockResponse(now, Stockholm.DateOf(now), simulatedClock is not null));
    }

    public static async Task<Ok<AdvanceClockResponse>> Advance(AdvanceClockRequest request, SimulatedClock clock, ClockAdvance advance, CancellationToken ct)
    {
        var result = await advance.ToAsync(Target(request, clock.GetCurrentInstant()), ct);
        var summary = result.Sweep;
        return TypedResults.Ok(new AdvanceClockResponse(result.Now, Stockholm.DateOf(result.Now), summary.Claimed, summary.Fired, summary.StillPending, result.Reminders));
    }

    private static Instant Target(AdvanceClockRequest request, Instant now)
    {
        if ((request.By is null) == (request.To is null))
        {
            throw new BadRequestException("Give exactly one of 'by' (an ISO 8601 duration such as P1M) and 'to' (a date or instant).");
        }

        if (request.By is not null)
        {
            if (!IsoTime.TryParsePeriod(request.By, out var period))
            {
                throw new BadRequestException($"'{request.By}' is not an ISO 8601 duration such as P1D, P1M or PT2H.");
            }

            Instant by;
            try
            {
                by = IsoTime.Add(now, period, Stockholm.Zone);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                throw OutOfRange($"'{request.By}' from now");
            }

            return Usable(by, $"'{request.By}' from now");
        }

        if (!IsoTime.TryParseInstant(request.To!, Stockholm.Zone, out var to))
        {
            throw new BadRequestException($"'{request.To}' is not an ISO 8601 date or instant.");
        }

        if (to < now)
        {
            throw new BadRequestException($"The clock is at {InstantPattern.General.Format(now)} and never goes back.");
        }

        return Usable(to, $"'{request.To}'");
    }

    private static Instant Usable(Instant target, string what) => SimulatedClock.IsUsable(target) ? target : throw OutOfRange(what);

    private static BadRequestException OutOfRange(string what) => new(
        $"{what} is beyond what the simulated clock can show (before {InstantPattern.General.Format(SimulatedClock.Latest)}); the clock did not move.");
}
