using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Activities.Deadlines;

namespace Verkstallighet.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>The domain of KVFS 2011:5: its deadline rules (and, as they come, its activities).</summary>
    public static IServiceCollection AddVerkstallighetActivities(this IServiceCollection services)
    {
        foreach (var rule in Kvfs2011DeadlineRules.All)
        {
            services.AddSingleton(rule);
        }

        return services;
    }
}
