using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>Runs PostgreSQL's command-line tools (initdb, pg_ctl) for a <see cref="LocalPostgresCluster"/>.</summary>
internal static class PostgresTools
{
    /// <summary>The operating-system user the server runs as when this process is root.</summary>
    private const string PostgresUser = "postgres";

    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    public static async Task ChownToPostgresWhenRootAsync(string path, CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", PostgresUser + ":", path], throwOnError: true, cancellationToken);
        }
    }

    /// <summary>Lets other users (postgres) pass through the folder, without listing or reading it.</summary>
    public static void MakeTraversable(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    /// <summary>Runs a PostgreSQL tool; as root it runs as the <c>postgres</c> user, because initdb and postgres refuse root.</summary>
    public static async Task<PostgresToolResult> RunAsync(string program, IReadOnlyList<string> arguments, bool throwOnError, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(program, arguments)) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new PostgresClusterException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {output.Trim()}");
        }

        return new PostgresToolResult(process.ExitCode, output);
    }

    private static ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
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
            info.ArgumentList.Add(PostgresUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
