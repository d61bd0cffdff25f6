using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own binaries (initdb/pg_ctl). The Host uses a persistent one
/// under <c>.data/</c> when no connection string is configured; tests use throwaway ones.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private readonly string dataDirectory;
    private readonly string binDirectory;
    private readonly bool throwaway;
    private readonly string? password;
    private readonly FileStream? ownerLock;
    private bool stopped;

    private LocalPostgresCluster(string dataDirectory, string binDirectory, int port, string? password, bool throwaway, FileStream? ownerLock = null)
    {
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
        this.throwaway = throwaway;
        this.password = password;
        this.ownerLock = ownerLock;
        Port = port;
    }

    public int Port { get; private set; }

    /// <summary>Connection string to the maintenance database <c>postgres</c>.</summary>
    public string ServerConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = "postgres",
        Password = password,
    }.ConnectionString;

    /// <summary>The folder of a throwaway cluster (its data directory's parent), which it owns while it lives.</summary>
    public string? ThrowawayFolder => throwaway ? Path.GetDirectoryName(dataDirectory) : null;

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>
    /// Finds the PostgreSQL server binaries: <c>POSTGRES_BIN</c>, then the newest <c>/usr/lib/postgresql/*/bin</c>,
    /// then <c>pg_ctl</c> on the PATH. Returns null when there are none.
    /// </summary>
    public static string? FindBinDirectory()
    {
        // An explicit folder is the only one looked at, so a wrong setting is reported rather than silently bypassed.
        var configured = Environment.GetEnvironmentVariable("POSTGRES_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl")) && File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "pg_ctl")) && File.Exists(Path.Combine(d.Dir, "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return newest.Dir;
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
            {
                return dir;
            }
        }

        return null;
    }

    /// <summary>
    /// Starts (initialising first if needed) a persistent cluster in <paramref name="dataDirectory"/>. A cluster that is
    /// already running there, left by an earlier run that was killed, is reused.
    /// </summary>
    public static async Task<LocalPostgresCluster> StartPersistentAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory() ?? throw new PostgresBinariesNotFoundException();
        dataDirectory = Path.GetFullPath(dataDirectory);
        var clusterDirectory = Path.Combine(dataDirectory, "pg");
        var passwordFile = Path.Combine(dataDirectory, "postgres.password");
        Directory.CreateDirectory(dataDirectory);
        PostgresTools.MakeTraversable(dataDirectory); // the postgres user must reach the cluster folder inside it
        if (PostgresTools.IsRoot && (await PostgresTools.RunAsync("test", ["-x", dataDirectory], throwOnError: false, cancellationToken)).ExitCode != 0)
        {
            throw new PostgresClusterException(
                $"The postgres user cannot reach {dataDirectory} (a folder above it is closed to other users). " +
                "Set Database__DataDirectory to a folder it can reach, such as /var/tmp/verkstallighet, or configure ConnectionStrings__Workflows.");
        }

        string password;
        if (!File.Exists(Path.Combine(clusterDirectory, "PG_VERSION")))
        {
            password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            await InitDbAsync(bin, clusterDirectory, password, fastAndUnsafe: false, cancellationToken);
        }
        else
        {
            password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        }

        var running = await RunningPortAsync(bin, clusterDirectory, cancellationToken);
        var cluster = new LocalPostgresCluster(clusterDirectory, bin, running ?? 0, password, throwaway: false);
        if (running is null)
        {
            await cluster.StartOnAFreePortAsync(extraSettings: [], FreePort, cancellationToken);
        }

        return cluster;
    }

    /// <summary>
    /// Starts a fresh cluster in a temporary directory, for tests and benchmarks: unless <paramref name="durable"/>,
    /// with durability switched off (fsync, synchronous commit). Disposing it stops the server and deletes its files.
    /// </summary>
    public static Task<LocalPostgresCluster> StartThrowawayAsync(bool durable = false, CancellationToken cancellationToken = default) =>
        StartThrowawayAsync(durable, FreePort, cancellationToken);

    /// <summary>As <see cref="StartThrowawayAsync(bool, CancellationToken)"/>, taking ports from <paramref name="ports"/>.</summary>
    internal static async Task<LocalPostgresCluster> StartThrowawayAsync(bool durable, Func<int> ports, CancellationToken cancellationToken)
    {
        var bin = FindBinDirectory() ?? throw new PostgresBinariesNotFoundException();
        await ThrowawayClusterFolders.ReapOrphansAsync(bin);
        var (root, ownerLock) = ThrowawayClusterFolders.CreateOwned();
        try
        {
            var clusterDirectory = Path.Combine(root, "pg");
            await InitDbAsync(bin, clusterDirectory, password: null, fastAndUnsafe: !durable, cancellationToken);
            var cluster = new LocalPostgresCluster(clusterDirectory, bin, 0, password: null, throwaway: true, ownerLock);
            string[] settings = durable
                ? ["max_connections=1000", "shared_buffers=256MB"]
                : ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=1000", "shared_buffers=256MB"];
            await cluster.StartOnAFreePortAsync(settings, ports, cancellationToken);
            return cluster;
        }
        catch
        {
            ownerLock.Dispose();
            ThrowawayClusterFolders.TryDelete(root);
            throw;
        }
    }

    public async Task CreateDatabaseAsync(string name, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sql = $"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\"");
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates the database unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await CreateDatabaseAsync(name, cancellationToken: cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        NpgsqlConnection.ClearAllPools();
        await PostgresTools.RunAsync(PgTool("pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"], throwOnError: false, CancellationToken.None);
        if (throwaway)
        {
            ThrowawayClusterFolders.TryDelete(Path.GetDirectoryName(dataDirectory)!);
        }

        ownerLock?.Dispose();
    }

    /// <summary>Whether the server is still running (a cluster can be stopped from outside, or its folder deleted).</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken = default) =>
        !stopped && File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))
        && (await PostgresTools.RunAsync(PgTool("pg_ctl"), ["status", "-D", dataDirectory], throwOnError: false, cancellationToken)).ExitCode == 0;

    public ValueTask DisposeAsync() => new(StopAsync());

    private string PgTool(string name) => Path.Combine(binDirectory, name);

    /// <summary>How many ports are tried before giving up: another process may take a free port before PostgreSQL binds it.</summary>
    internal const int PortAttempts = 5;

    /// <summary>
    /// Starts the server on a port from <paramref name="ports"/>. The port is free when chosen but released before the
    /// server binds it, so when the server finds it taken, the start is retried on another one.
    /// </summary>
    private async Task StartOnAFreePortAsync(IReadOnlyList<string> extraSettings, Func<int> ports, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(dataDirectory, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            Port = ports();
            var logged = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
            try
            {
                await PgCtlStartAsync(extraSettings, logFile, cancellationToken);
                return;
            }
            catch (PostgresClusterException) when (attempt < PortAttempts && PortWasTaken(logFile, logged))
            {
            }
        }
    }

    /// <summary>Whether the server log, from <paramref name="offset"/> on, says the port was in use.</summary>
    private static bool PortWasTaken(string logFile, long offset)
    {
        if (!File.Exists(logFile))
        {
            return false;
        }

        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        var text = new StreamReader(stream).ReadToEnd();
        return text.Contains("Address already in use", StringComparison.Ordinal) || text.Contains("could not create any TCP/IP sockets", StringComparison.Ordinal);
    }

    private async Task PgCtlStartAsync(IReadOnlyList<string> extraSettings, string logFile, CancellationToken cancellationToken)
    {
        // No Unix socket: the cluster is reached over loopback TCP only, and socket paths have a length limit.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        foreach (var setting in extraSettings)
        {
            options += " -c " + setting;
        }

        await PostgresTools.RunAsync(PgTool("pg_ctl"), ["start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "120", "-o", options], throwOnError: true, cancellationToken);
    }

    private static async Task InitDbAsync(string bin, string clusterDirectory, string? password, bool fastAndUnsafe, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(clusterDirectory);
        await PostgresTools.ChownToPostgresWhenRootAsync(clusterDirectory, cancellationToken);
        var arguments = new List<string> { "-D", clusterDirectory, "-U", SuperUser, "-E", "UTF8", "--locale=C.UTF-8" };
        string? pwFile = null;
        if (password is null)
        {
            arguments.Add("--auth=trust");
        }
        else
        {
            pwFile = Path.Combine(Path.GetTempPath(), "vw-pw-" + Guid.NewGuid().ToString("N"));
            await File.WriteAllTextAsync(pwFile, password, cancellationToken);
            await PostgresTools.ChownToPostgresWhenRootAsync(pwFile, cancellationToken);
            arguments.AddRange(["--auth-host=scram-sha-256", "--auth-local=peer", "--pwfile", pwFile]);
        }

        if (fastAndUnsafe)
        {
            arguments.Add("--no-sync");
        }

        try
        {
            await PostgresTools.RunAsync(Path.Combine(bin, "initdb"), arguments, throwOnError: true, cancellationToken);
        }
        finally
        {
            if (pwFile is not null)
            {
                File.Delete(pwFile);
            }
        }
    }

    private static async Task<int?> RunningPortAsync(string bin, string clusterDirectory, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(clusterDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var status = await PostgresTools.RunAsync(Path.Combine(bin, "pg_ctl"), ["status", "-D", clusterDirectory], throwOnError: false, cancellationToken);
        if (status.ExitCode != 0)
        {
            return null;
        }

        // The fourth line of postmaster.pid is the port the server listens on.
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
