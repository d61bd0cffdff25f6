using Verkstallighet.Activities;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Scheduling;
using Verkstallighet.Workflows.Time;
using Verkstallighet.Workflows.Hosting;

namespace Verkstallighet.Host.Api;

/// <summary>Advance by an ISO 8601 duration (<c>P1M</c>), or to a date or instant; exactly one of the two.</summary>
public sealed record AdvanceClockRequest(string? By, string? To);

public sealed record ClockResponse(Instant Now, LocalDate Today, bool Simulated);

public sealed record AdvanceClockResponse(Instant Now, LocalDate Today, int TimersClaimed, int TimersFired, int TimersStillPending);

/// <summary>The clock. The advance endpoint exists only when the Host runs on the simulated clock.</summary>
public static class ClockEndpoints
{
    public static IEndpointRouteBuilder MapClock(this IEndpointRouteBuilder app, bool simulated)
    {
        var group = app.MapGroup("/api/clock").WithTags("Clock");
        group.MapGet("/", (IClock clock) =>
        {
            var now = clock.GetCurrentInstant();
            return new ClockResponse(now, Stockholm.DateOf(now), simulated);
        }).WithSummary("The engine's current time.");

        if (!simulated)
        {
            return app;
        }

        group.MapPost("/advance", async (AdvanceClockRequest request, HttpContext context, SimulatedClock clock, TimerSweeper sweeper,
            IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct) =>
        {
            context.User.RequireRole(Roles.Administrator);
            var target = Target(request, clock.GetCurrentInstant());

            // Stored first, then moved: a failed save leaves both where they were, and the stored clock is never behind.
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                await WorkflowsStartup.SaveSimulatedClockAsync(db, target, ct);
            }

            Instant now;
            try
            {
                now = clock.AdvanceTo(target);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new ConflictException("Another advance moved the clock past that time at the same moment; read the clock and try again.");
            }

            var summary = await sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(30), ct);
            return new AdvanceClockResponse(now, Stockholm.DateOf(now), summary.Claimed, summary.Fired, summary.StillPending);
        }).WithSummary("Moves the simulated clock forward and at once fires every timer that has become due (administrators).");
        return app;
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
