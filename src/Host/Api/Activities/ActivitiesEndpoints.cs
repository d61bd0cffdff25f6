using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Host.Api;

public static class ActivitiesEndpoints
{
    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (ActivityRegistry activities) => activities.All.OrderBy(a => a.Category).ThenBy(a => a.DisplayName))
            .WithTags("Activities")
            .WithSummary("Every activity with its Swedish name, typed inputs and outputs, and (for human activities) its form schema.");
        return app;
    }
}
