using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Host.Tests.Database;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task PersistentCluster_KeepsItsDataAcrossRestarts_AndIsReusedWhenLeftRunning()
    {
        var folder = Directory.CreateTempSubdirectory("vw-data-").FullName;
        try
        {
            var cluster = await LocalPostgresCluster.StartPersistentAsync(folder);
            await cluster.EnsureDatabaseAsync("keep");
            await ExecuteAsync(cluster.ConnectionStringFor("keep"), "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");

            // Left running (a killed Host): the next start finds it and uses it.
            var again = await LocalPostgresCluster.StartPersistentAsync(folder);
            Assert.Equal(cluster.Port, again.Port);
            await again.StopAsync();
            Assert.False(File.Exists(Path.Combine(folder, "pg", "postmaster.pid")));

            var restarted = await LocalPostgresCluster.StartPersistentAsync(folder);
            Assert.Equal(42, await ScalarAsync(restarted.ConnectionStringFor("keep"), "SELECT x FROM kept"));
            await restarted.StopAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Host_WithoutAConnectionString_StartsItsOwnPostgres_AndStopsItOnShutdown()
    {
        var folder = Directory.CreateTempSubdirectory("vw-host-").FullName;
        var port = FreePort();
        using var host = StartHost(folder, $"http://127.0.0.1:{port}", postgresBin: null);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var healthy = false;
            for (var i = 0; i < 240 && !healthy && !host.HasExited; i++)
            {
                await Task.Delay(500);
                try
                {
                    healthy = (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                }
            }

            Assert.True(healthy, "The Host did not become healthy.");
            Assert.True(File.Exists(Path.Combine(folder, "pg", "postmaster.pid")));
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/tasks")).StatusCode);

            Process.Start("kill", ["-TERM", host.Id.ToString()])!.WaitForExit();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.False(File.Exists(Path.Combine(folder, "pg", "postmaster.pid")), "The private PostgreSQL is still running.");
        }
        finally
        {
            host.Kill();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Host_WithoutPostgresBinariesOrAConnectionString_ExitsWithAMessageSayingHowToFixIt()
    {
        var folder = Directory.CreateTempSubdirectory("vw-nobin-").FullName;
        using var host = StartHost(folder, "http://127.0.0.1:0", postgresBin: "/nonexistent");

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var errors = host.Errors;
        Assert.Contains("No PostgreSQL server binaries", errors);
        Assert.Contains("ConnectionStrings__Workflows", errors);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Host_OutsideDevelopmentWithoutAnIdentityProvider_ExitsWithAMessageSayingWhatToSet()
    {
        var folder = Directory.CreateTempSubdirectory("vw-prod-").FullName;
        using var host = StartHost(folder, "http://127.0.0.1:0", postgresBin: "/nonexistent", environment: "Production",
            connectionString: "Host=127.0.0.1;Port=1;Username=nobody");

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var errors = host.Errors;
        Assert.Contains("Authentication__OpenIdConnect__Authority", errors);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Host_WithAnInvalidTimerSetting_ExitsWithAMessage_AndStopsItsPrivatePostgres()
    {
        var folder = Directory.CreateTempSubdirectory("vw-badtimer-").FullName;
        using var host = StartHost(folder, $"http://127.0.0.1:{FreePort()}", postgresBin: null,
            settings: new() { ["Workflows__Timers__MaxBatchesPerSweep"] = "0" });

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        var errors = host.Errors;
        Assert.Contains("MaxBatchesPerSweep", errors);
        Assert.True(Directory.Exists(Path.Combine(folder, "pg")), "The private PostgreSQL was never started.");
        Assert.False(File.Exists(Path.Combine(folder, "pg", "postmaster.pid")), "The private PostgreSQL is still running.");
        Directory.Delete(folder, recursive: true);
    }

    private static ChildProcess StartHost(
        string dataFolder, string url, string? postgresBin, string environment = "Development", string connectionString = "", Dictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", url])
        {
            WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Database__DataDirectory"] = dataFolder;
        info.Environment["ConnectionStrings__Workflows"] = connectionString;
        info.Environment["Workflows__SeedDirectory"] = Path.Combine(dataFolder, "none");
        if (postgresBin is not null)
        {
            info.Environment["POSTGRES_BIN"] = postgresBin;
        }

        foreach (var (name, value) in settings ?? [])
        {
            info.Environment[name] = value;
        }

        return ChildProcess.Start(info);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
