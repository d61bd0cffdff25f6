using Verkstallighet.Host.Api;
using Verkstallighet.Host.Database;
using Verkstallighet.Host.Security;
using Verkstallighet.Host.Security.Sessions;
using Verkstallighet.Host.Ui;
using Verkstallighet.Host.Workflows;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Persistence;

try
{
    var builder = WebApplication.CreateBuilder(args);
    var connectionString = await builder.AddWorkflowsDatabaseAsync();
    builder.AddVerkstallighetWorkflows(connectionString, out var simulatedClock);
    builder.AddVerkstallighetAuthentication();
    builder.AddVerkstallighetSessions();
    builder.AddVerkstallighetApi();
    builder.AddVerkstallighetUi();

    var app = builder.Build();
    await app.InitializeWorkflowsAsync();
    await app.InitializeSessionsAsync();
    app.UseVerkstallighetApi(simulatedClock, beforeRouting: pages => pages.UseNotFoundPage());
    app.MapVerkstallighetUi();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is PostgresClusterException or HostConfigurationException or StoredClockUnusableException
    or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

public partial class Program;
