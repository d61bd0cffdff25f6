using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Host.Api.Activities;

/// <summary>The catalogue of activities that a workflow's tasks may use.</summary>
public static class ActivitiesEndpoints
{
    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/activities", "Activities")
            .MapGet("/", ListActivities)
            .WithSummary("Every activity with its Swedish name, typed inputs and outputs, and (for human activities) its form schema.");
        return app;
    }

    public static Ok<IEnumerable<ActivityDescriptor>> ListActivities(ActivityRegistry activities) =>
        TypedResults.Ok<IEnumerable<ActivityDescriptor>>(activities.All.OrderBy(a => a.Category).ThenBy(a => a.DisplayName));
}
