using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Host.Api.DeadlineRules;

/// <summary>The deadline rules and their history, for reading; they change through migrations, not the API.</summary>
public static class DeadlineRulesEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineRules(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/deadline-rules", "Deadline rules")
            .MapGet("/", ListDeadlineRules)
            .WithSummary("Every version of every deadline rule, with its legal reference.");
        return app;
    }

    public static async Task<Ok<List<DeadlineRuleVersion>>> ListDeadlineRules(IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct) =>
        TypedResults.Ok(await DeadlineRuleVersion.ListAsync(contexts, ct));
}
