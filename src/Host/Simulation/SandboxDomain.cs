using Verkstallighet.Activities;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;

namespace Verkstallighet.Host.Simulation;

/// <summary>
/// The domain inside a sandbox engine: the same activities and stores as the Host's, which there use the sandbox's
/// database (they take the engine's data source), so a case activity (closing, transferring) changes the sample case
/// in the sandbox and never a real one. Scripts and definitions are bounded as the Host configures them.
/// </summary>
internal static class SandboxDomain
{
    public static void Add(IServiceCollection services, IConfiguration configuration, string? definitionKey)
    {
        services.AddVerkstallighetActivities();
        services.Configure<ScriptSandboxOptions>(configuration.GetSection("Workflows:Scripts"));
        services.Configure<DefinitionOptions>(configuration.GetSection("Workflows:Definitions"));
        if (definitionKey is not null)
        {
            // The sample case runs the simulated workflow, whatever its sanction.
            services.Configure<CaseOptions>(cases =>
            {
                foreach (var sanction in Enum.GetValues<Sanction>())
                {
                    cases.Workflows[sanction] = definitionKey;
                }
            });
        }
    }
}
