using NodaTime;
using Verkstallighet.Activities;
using Verkstallighet.Host.Security;
using Verkstallighet.Host.Simulation;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Hosting;
using Verkstallighet.Workflows.Scheduling;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Host.Workflows;

public static class WorkflowsHostExtensions
{
    /// <summary>
    /// The engine and the domain activities, configured from <c>Clock</c> (Mode: System or Simulated; Start) and
    /// <c>Workflows</c> (HangfireWorkers, RunHangfireServer, Timers, Scripts, Definitions).
    /// </summary>
    public static WebApplicationBuilder AddVerkstallighetWorkflows(this WebApplicationBuilder builder, string connectionString, out bool simulatedClock)
    {
        var clock = builder.Configuration.GetSection("Clock");
        simulatedClock = string.Equals(clock["Mode"], "Simulated", StringComparison.OrdinalIgnoreCase);
        Instant? start = null;
        if (clock["Start"] is { Length: > 0 } text)
        {
            start = IsoTime.TryParseInstant(text, Stockholm.Zone, out var parsed)
                ? parsed
                : throw new HostConfigurationException($"Clock:Start '{text}' is not an ISO 8601 date or instant.");
            if (!SimulatedClock.IsUsable(parsed))
            {
                throw new HostConfigurationException($"Clock:Start '{text}' lies outside what the simulated clock can show ({SimulatedClock.Earliest} to {SimulatedClock.Latest}).");
            }
        }

        var workflows = builder.Configuration.GetSection("Workflows");
        var options = new WorkflowsOptions
        {
            ConnectionString = connectionString,
            SimulatedClock = simulatedClock,
            SimulatedClockStart = start,
            RunHangfireServer = workflows.GetValue("RunHangfireServer", true),
            ServerName = workflows["ServerName"],
        };
        if (workflows.GetValue<int?>("HangfireWorkers") is { } workers)
        {
            options.HangfireWorkers = workers;
        }

        builder.Services.AddWorkflows(options);
        builder.Services.Configure<TimerOptions>(workflows.GetSection("Timers"));
        builder.Services.Configure<ScriptSandboxOptions>(workflows.GetSection("Scripts"));
        builder.Services.Configure<DefinitionOptions>(workflows.GetSection("Definitions"));
        builder.Services.AddVerkstallighetActivities();
        builder.Services.Configure<Verkstallighet.Activities.Cases.CaseOptions>(builder.Configuration.GetSection("Cases"));
        builder.Services.AddSingleton<WorkflowSeeder>();
        builder.Services.AddVerkstallighetSimulation(connectionString);
        return builder;
    }

    /// <summary>Migrates, seeds rules and shipped workflows, and registers the timer sweep; then says where the Host is.</summary>
    public static async Task InitializeWorkflowsAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<WorkflowsStartup>().InitializeAsync();
        await app.Services.GetRequiredService<VerkstallighetStartup>().InitializeAsync();
        await app.Services.GetRequiredService<WorkflowSeeder>().SeedAsync(app.Configuration["Workflows:SeedDirectory"]);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
            Console.WriteLine($"Verkställighet.Workflows is running at {url}  (API reference: {url}/scalar/v1, Hangfire: {url}/hangfire)");
        });
    }
}
