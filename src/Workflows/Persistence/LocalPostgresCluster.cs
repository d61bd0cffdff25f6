using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
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
        MakeTraversable(dataDirectory); // the postgres user must reach the cluster folder inside it
        if (IsRoot && (await RunAsync("test", ["-x", dataDirectory], throwOnError: false, cancellationToken)).ExitCode != 0)
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
        await ReapOrphansAsync(bin);
        var (root, ownerLock) = CreateOwnedFolder();
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
            TryDelete(root);
            throw;
        }
    }

    private const string ThrowawayPrefix = "verkstallighet-pg-";
    private const string CreatingPrefix = "creating-" + ThrowawayPrefix;
    private const string OwnerFile = "owner.pid";
    private const string LockFile = "owner.lock";

    /// <summary>
    /// How old a throwaway folder without a live owner must be before it is reaped. A folder is never younger than its
    /// owner's lock, but one left by older code (no lock file) may be in the middle of being set up.
    /// </summary>
    internal static readonly TimeSpan MinimumOrphanAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Creates a throwaway folder that is owned from the moment it has its name: it is set up under another name
    /// (which the reaper does not look at), with its lock file locked, then renamed. The lock is held until the
    /// cluster is stopped, and the operating system drops it when the process dies.
    /// </summary>
    private static (string Root, FileStream OwnerLock) CreateOwnedFolder()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var staging = Path.Combine(Path.GetTempPath(), CreatingPrefix + id);
        var root = Path.Combine(Path.GetTempPath(), ThrowawayPrefix + id);
        Directory.CreateDirectory(staging);
        MakeTraversable(staging);
        File.WriteAllText(Path.Combine(staging, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // FileShare.None takes an exclusive advisory lock (flock) on Unix; another process's attempt fails.
        var ownerLock = new FileStream(Path.Combine(staging, LockFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            Directory.Move(staging, root);
        }
        catch
        {
            ownerLock.Dispose();
            TryDelete(staging);
            throw;
        }

        return (root, ownerLock);
    }

    /// <summary>
    /// Stops and deletes throwaway clusters whose owning process has gone (a test run that was killed), so they do not
    /// pile up on a machine. A folder whose lock another process holds, or that is younger than
    /// <see cref="MinimumOrphanAge"/>, is left alone.
    /// </summary>
    internal static async Task ReapOrphansAsync(string bin)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), ThrowawayPrefix + "*"))
        {
            if (IsYoung(root))
            {
                continue;
            }

            var lockFile = Path.Combine(root, LockFile);
            FileStream? taken = null;
            if (File.Exists(lockFile))
            {
                try
                {
                    taken = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    continue; // its owner holds the lock: alive
                }
                catch (UnauthorizedAccessException)
                {
                    continue; // another user's
                }
            }
            else if (OwnerIsAlive(root))
            {
                continue; // left by older code, which had no lock file
            }

            using (taken)
            {
                var cluster = Path.Combine(root, "pg");
                if (File.Exists(Path.Combine(cluster, "postmaster.pid")))
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", cluster, "-m", "immediate", "-w", "-t", "30"], throwOnError: false, CancellationToken.None);
                }

                TryDelete(root);
            }
        }
    }

    private static bool IsYoung(string root)
    {
        var newest = new[] { root, Path.Combine(root, LockFile), Path.Combine(root, OwnerFile) }
            .Where(p => Directory.Exists(p) || File.Exists(p))
            .Select(p => Directory.Exists(p) ? Directory.GetLastWriteTimeUtc(p) : File.GetLastWriteTimeUtc(p))
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();
        return DateTime.UtcNow - newest < MinimumOrphanAge;
    }

    private static bool OwnerIsAlive(string root)
    {
        var ownerFile = Path.Combine(root, OwnerFile);
        try
        {
            return File.Exists(ownerFile) && int.TryParse(File.ReadAllText(ownerFile), out var owner) && ProcessIsAlive(owner);
        }
        catch (IOException)
        {
            return true; // unreadable right now: leave it for a later reap
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless; the next reap tries again.
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
        await RunAsync(PgTool("pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"], throwOnError: false, CancellationToken.None);
        if (throwaway)
        {
            TryDelete(Path.GetDirectoryName(dataDirectory)!);
        }

        ownerLock?.Dispose();
    }

    /// <summary>Whether the server is still running (a cluster can be stopped from outside, or its folder deleted).</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken = default) =>
        !stopped && File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))
        && (await RunAsync(PgTool("pg_ctl"), ["status", "-D", dataDirectory], throwOnError: false, cancellationToken)).ExitCode == 0;

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

        await RunAsync(PgTool("pg_ctl"), ["start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "120", "-o", options], throwOnError: true, cancellationToken);
    }

    private static async Task InitDbAsync(string bin, string clusterDirectory, string? password, bool fastAndUnsafe, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(clusterDirectory);
        await ChownToPostgresWhenRootAsync(clusterDirectory, cancellationToken);
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
            await ChownToPostgresWhenRootAsync(pwFile, cancellationToken);
            arguments.AddRange(["--auth-host=scram-sha-256", "--auth-local=peer", "--pwfile", pwFile]);
        }

        if (fastAndUnsafe)
        {
            arguments.Add("--no-sync");
        }

        try
        {
            await RunAsync(Path.Combine(bin, "initdb"), arguments, throwOnError: true, cancellationToken);
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

        var status = await RunAsync(Path.Combine(bin, "pg_ctl"), ["status", "-D", clusterDirectory], throwOnError: false, cancellationToken);
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

    private static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    private static async Task ChownToPostgresWhenRootAsync(string path, CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", SuperUser + ":", path], throwOnError: true, cancellationToken);
        }
    }

    /// <summary>Lets other users (postgres) pass through the folder, without listing or reading it.</summary>
    private static void MakeTraversable(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    private sealed record ProcessResult(int ExitCode, string Output);

    /// <summary>Runs a PostgreSQL tool; as root it runs as the <c>postgres</c> user, because initdb and postgres refuse root.</summary>
    private static async Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, bool throwOnError, CancellationToken cancellationToken)
    {
        var asPostgres = IsRoot && program is not "chown";
        var info = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(SuperUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new PostgresClusterException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {output.Trim()}");
        }

        return new ProcessResult(process.ExitCode, output);
    }
}

/// <summary>The private cluster could not be started; the message says what to do.</summary>
public class PostgresClusterException(string message) : Exception(message);

public sealed class PostgresBinariesNotFoundException() : PostgresClusterException(
    "No PostgreSQL server binaries were found (initdb and pg_ctl), and no connection string is configured. Either install " +
    "PostgreSQL (on Debian: sudo apt-get install postgresql) or set POSTGRES_BIN to the folder that has initdb and pg_ctl, " +
    "or point ConnectionStrings__Workflows at an existing PostgreSQL server.");
