using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Host.Api.DeadlineRules;

/// <summary>The deadline rules and their history; administrators add versions, nothing is overwritten.</summary>
public static class DeadlineRulesEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineRules(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/deadline-rules", "Deadline rules");
        group.MapGet("/", ListDeadlineRules)
            .WithSummary("Every version of every deadline rule, with its legal reference.");
        group.MapPost("/{key}/versions", AddVersion)
            .WithSummary("Adds the next version of a rule (administrators). A new deadline uses the version in effect on its anchor date.")
            .WithDescription("period (ISO 8601 date period, e.g. P1M or P30D), effectiveFrom (yyyy-MM-dd; a day already past needs " +
                             "confirmPastEffectiveDate=true, and the version records it), moveToNextWorkingDay, reminderLeadTime " +
                             "(optional, e.g. P1W) and reason (required).")
            .RequireAuthorization(Policies.Administrators)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<List<DeadlineRuleVersion>>> ListDeadlineRules(IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct) =>
        TypedResults.Ok(await DeadlineRuleVersion.ListAsync(contexts, ct));

    public static async Task<Created<DeadlineRuleVersion>> AddVersion(string key, DeadlineRuleChange change, HttpContext context, DeadlineRuleVersions versions, CancellationToken ct)
    {
        var added = await versions.AddAsync(key, change, context.User.ToActor(), ct);
        return TypedResults.Created($"/api/deadline-rules/{added.Key}/versions/{added.Version}", DeadlineRuleVersion.From(added));
    }
}
