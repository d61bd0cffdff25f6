using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Scheduling;

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
        group.MapPost("/{key}/versions/{version:int}/preview", PreviewChange)
            .WithSummary("What applying the version would move now (administrators): pending deadlines by workflow and office, days moved, " +
                         "the next-working-day effect, those overdue at once, and a fingerprint to apply with.")
            .WithDescription("scope: NewOnly (new deadlines only), Pending (each pending deadline counted again with the version in effect " +
                             "on its own anchor date) or AllPending (the new version whatever the anchor, for a transition provision that says so).")
            .RequireAuthorization(Policies.Administrators)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{key}/versions/{version:int}/apply", ApplyChange)
            .WithSummary("Moves the pending deadlines a preview showed, in batches, journaled per case (administrators). " +
                         "409 when anything changed since the preview: preview again.")
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

    public static async Task<Results<Ok<DeadlineChangeImpact>, ValidationProblem>> PreviewChange(
        string key, int version, DeadlineChangePreviewRequest request, HttpContext context, DeadlineRescheduling rescheduling, CancellationToken ct)
    {
        if (request.Scope is not { } scope)
        {
            return ScopeRequired();
        }

        return TypedResults.Ok(await rescheduling.PreviewAsync(key, version, scope, context.User.ToActor(), ct));
    }

    public static async Task<Results<Ok<DeadlineChangeResult>, ValidationProblem>> ApplyChange(
        string key, int version, DeadlineChangeApplyRequest request, HttpContext context, DeadlineRescheduling rescheduling, CancellationToken ct)
    {
        if (request.Scope is not { } scope)
        {
            return ScopeRequired();
        }

        if (string.IsNullOrWhiteSpace(request.Fingerprint))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fingerprint"] = ["Apply with the fingerprint of a preview of the same scope."] });
        }

        return TypedResults.Ok(await rescheduling.ApplyAsync(key, version, scope, request.Fingerprint, request.Reason ?? "", context.User.ToActor(), ct));
    }

    private static ValidationProblem ScopeRequired() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scope"] = ["Choose NewOnly, Pending or AllPending."] });
}
