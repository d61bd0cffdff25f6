using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Activities;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Host.Api;

/// <summary>The access log for review by administrators: who read, wrote or was refused which case, and when.</summary>
public static class AccessLogEndpoints
{
    public const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapAccessLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/access-log", ReadAccessLog)
            .WithTags("Access log")
            .WithSummary("The access log, newest first (administrators). Filters: caseId, userId, from, to (a date in " +
                         "Europe/Stockholm, whole days, or an ISO instant); paging: limit (1–500) and before (nextBefore of the previous page).");
        return app;
    }

    public static async Task<Results<Ok<AccessLogPage>, ValidationProblem, ProblemHttpResult>> ReadAccessLog(
        Guid? caseId, string? userId, string? from, string? to, long? before, int? limit,
        HttpContext context, AccessLogQuery log, CancellationToken ct)
    {
        var actor = context.User.ToActor();
        if (!actor.IsInRole(Roles.Administrator))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                detail: "Only an administrator reads the access log.");
        }

        var errors = new Dictionary<string, string[]>();
        var fromInstant = ParseBound(from, "from", endOfDay: false, errors);
        var toInstant = ParseBound(to, "to", endOfDay: true, errors);
        if (fromInstant is not null && toInstant is not null && fromInstant >= toInstant)
        {
            errors["to"] = ["'to' must come after 'from'."];
        }

        if (limit is < 1 or > AccessLogQuery.MaxLimit)
        {
            errors["limit"] = [$"'limit' must be between 1 and {AccessLogQuery.MaxLimit}."];
        }

        if (before is < 1)
        {
            errors["before"] = ["'before' is an entry id from nextBefore of the previous page."];
        }

        if (userId is { Length: > 200 })
        {
            errors["userId"] = ["'userId' may be at most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The access log filter is not valid.");
        }

        var filter = new AccessLogFilter(caseId, string.IsNullOrWhiteSpace(userId) ? null : userId.Trim(), fromInstant, toInstant, before, limit ?? DefaultLimit);
        return TypedResults.Ok(await log.ReadAsync(filter, ct));
    }

    /// <summary>A date (yyyy-MM-dd) is a whole day in Europe/Stockholm: 'from' its start, 'to' its end; an instant is exact.</summary>
    private static Instant? ParseBound(string? text, string name, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true, Value: var date })
        {
            if (endOfDay && date == LocalDate.MaxIsoValue)
            {
                return null; // to the end of the calendar: no upper bound
            }

            return (endOfDay ? date.PlusDays(1) : date).AtStartOfDayInZone(Stockholm.Zone).ToInstant();
        }

        if (InstantPattern.ExtendedIso.Parse(text.Trim()) is { Success: true, Value: var instant })
        {
            return instant;
        }

        errors[name] = [$"'{name}' must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z); '{text}' is neither."];
        return null;
    }
}
