using Verkstallighet.Workflows.Simulation;

namespace Verkstallighet.Host.Simulation;

public static class SimulationHostExtensions
{
    /// <summary>Simulations in sandboxes: one database per simulation, on the server of <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddVerkstallighetSimulation(this IServiceCollection services, string connectionString)
    {
        // Built when first used: a Host that is refused at start (no identity provider, no database) says why, not this.
        services.AddSingleton(_ => new SandboxDatabases(connectionString));
        services.AddSingleton<SimulationService>();
        return services;
    }
}
