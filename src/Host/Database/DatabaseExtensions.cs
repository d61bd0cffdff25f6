using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Host.Database;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Workflows";

    /// <summary>
    /// Returns the configured connection string, or starts the private PostgreSQL cluster under <c>.data/</c> (its
    /// binaries from the machine) and returns one for it. The cluster is stopped when the Host stops.
    /// </summary>
    public static async Task<string> AddWorkflowsDatabaseAsync(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataDirectory = builder.Configuration["Database:DataDirectory"]
            ?? Path.Combine(RepositoryPaths.Root(Directory.GetCurrentDirectory()), ".data");
        Console.WriteLine($"No connection string configured (ConnectionStrings:{ConnectionStringName}); starting a private PostgreSQL in {dataDirectory} …");
        var cluster = await LocalPostgresCluster.StartPersistentAsync(dataDirectory);
        await cluster.EnsureDatabaseAsync("verkstallighet");
        var connectionString = cluster.ConnectionStringFor("verkstallighet");
        Console.WriteLine($"psql (the password is in the file, never in the log): {PsqlAccess.WritePassFile(dataDirectory, connectionString)}");
        builder.Services.AddHostedService(_ => new EmbeddedPostgresLifetime(cluster));
        // A Host that fails to start after this point (a bad setting, say) never stops its hosted services; the cluster
        // must not outlive the process all the same. Stopping is idempotent, so a normal shutdown is unaffected.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
        return connectionString;
    }

    /// <summary>Stops the private cluster after everything else has stopped (hosted services stop in reverse order).</summary>
    private sealed class EmbeddedPostgresLifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await cluster.StopAsync();
            Console.WriteLine("The private PostgreSQL has stopped.");
        }
    }
}
