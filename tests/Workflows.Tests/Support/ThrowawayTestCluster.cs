using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Hosting;

namespace Verkstallighet.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster, started by the product's own helper on first use, with a template database that is
/// already migrated (engine and Hangfire schemas, plus <paramref name="extraTemplateMigrations"/>), so each test's
/// database is a fast copy. A cluster that was lost (stopped by someone else's reaper, killed) is replaced.
/// </summary>
public sealed class ThrowawayTestCluster(IReadOnlyList<Func<string, Task>> extraTemplateMigrations)
{
    private const string TemplateName = "template_workflows";
    private readonly SemaphoreSlim gate = new(1, 1);
    private LocalPostgresCluster? cluster;

    public async Task<string> CreateDatabaseAsync()
    {
        var server = await ClusterAsync();
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await server.CreateDatabaseAsync(name, TemplateName);
        }
        catch (NpgsqlException e)
        {
            if (await server.IsRunningAsync())
            {
                throw;
            }

            // Something stopped the cluster (a reaper of another test run, a kill): start a new one, so the tests after
            // this one do not all fail.
            server = await ReplaceLostClusterAsync(server, e);
            await server.CreateDatabaseAsync(name, TemplateName);
        }

        // Many short-lived engines share the cluster: keep their pools small and let idle connections go quickly.
        return new NpgsqlConnectionStringBuilder(server.ConnectionStringFor(name))
        {
            MaxPoolSize = 40,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    public async Task<LocalPostgresCluster> ClusterAsync()
    {
        if (cluster is { } current)
        {
            return current;
        }

        await gate.WaitAsync();
        try
        {
            if (cluster is null)
            {
                var started = await LocalPostgresCluster.StartThrowawayAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => started.StopAsync().GetAwaiter().GetResult();
                await started.CreateDatabaseAsync(TemplateName);
                await PrepareTemplateAsync(started.ConnectionStringFor(TemplateName));
                cluster = started;
            }

            return cluster;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StopAsync()
    {
        if (cluster is { } current)
        {
            await current.StopAsync();
        }
    }

    private async Task<LocalPostgresCluster> ReplaceLostClusterAsync(LocalPostgresCluster lost, Exception why)
    {
        await gate.WaitAsync();
        try
        {
            if (cluster == lost)
            {
                await Console.Error.WriteLineAsync(
                    $"The test PostgreSQL cluster in {lost.ThrowawayFolder} on port {lost.Port} stopped ({why.Message}); starting a new one.");
                cluster = null;
                await lost.StopAsync();
            }
        }
        finally
        {
            gate.Release();
        }

        return await ClusterAsync();
    }

    private async Task PrepareTemplateAsync(string connectionString)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseNodaTime().Build();
        var builder = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(builder, dataSource);
        await using (var db = new WorkflowsDbContext(builder.Options))
        {
            await db.Database.MigrateAsync();
        }

        foreach (var extra in extraTemplateMigrations)
        {
            await extra(connectionString);
        }

        // Installs Hangfire's schema once, instead of in every test database.
        _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions(), null), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true });
        await dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
