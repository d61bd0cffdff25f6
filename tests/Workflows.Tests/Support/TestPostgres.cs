using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster per test process, started by the product's own helper. Each test gets a fresh
/// database copied from a template that is already migrated (engine and Hangfire schemas), which is fast.
/// </summary>
public static class TestPostgres
{
    private const string TemplateName = "template_workflows";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalPostgresCluster? cluster;

    public static async Task<string> CreateDatabaseAsync()
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

            // Something stopped this process's cluster (a reaper of another test run, a kill): start a new one, so the
            // tests after this one do not all fail.
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

    public static async Task<LocalPostgresCluster> ClusterAsync()
    {
        if (cluster is not null)
        {
            return cluster;
        }

        await Gate.WaitAsync();
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
        }
        finally
        {
            Gate.Release();
        }

        return cluster;
    }

    private static async Task<LocalPostgresCluster> ReplaceLostClusterAsync(LocalPostgresCluster lost, Exception why)
    {
        await Gate.WaitAsync();
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
            Gate.Release();
        }

        return await ClusterAsync();
    }

    private static async Task PrepareTemplateAsync(string connectionString)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseNodaTime().Build();
        var builder = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsServiceCollectionExtensions.ConfigureDbContext(builder, dataSource);
        await using (var db = new WorkflowsDbContext(builder.Options))
        {
            await db.Database.MigrateAsync();
        }

        foreach (var extra in ExtraTemplateMigrations)
        {
            await extra(connectionString);
        }

        // Installs Hangfire's schema once, instead of in every test database.
        _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions(), null), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true });
        await dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Other test projects add their schemas to the template here (before the first database is made).</summary>
    public static List<Func<string, Task>> ExtraTemplateMigrations { get; } = [];
}
