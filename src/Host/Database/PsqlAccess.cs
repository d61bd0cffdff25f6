using Npgsql;

namespace Verkstallighet.Host.Database;

/// <summary>
/// How to reach the private PostgreSQL with psql: a pgpass file (mode 0600, under the data folder) holds the password,
/// so the hint printed at start names the file and never the password itself.
/// </summary>
public static class PsqlAccess
{
    public const string PassFileName = "pgpass";

    /// <summary>Writes the pgpass file for <paramref name="connectionString"/> and returns the psql command line that uses it.</summary>
    public static string WritePassFile(string dataDirectory, string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var path = Path.Combine(Path.GetFullPath(dataDirectory), PassFileName);

        // The port changes from start to start, so the line matches any port on this host.
        var line = $"{Escape(connection.Host!)}:*:*:{Escape(connection.Username!)}:{Escape(connection.Password ?? "")}\n";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created closed (never readable by others, not even for a moment); psql ignores a pgpass others can read.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(path, options)))
        {
            writer.Write(line);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // a file left from before keeps its mode otherwise
        }

        return $"PGPASSFILE={path} psql -h {connection.Host} -p {connection.Port} -U {connection.Username} {connection.Database}";
    }

    /// <summary>pgpass escapes ':' and '\' with a backslash.</summary>
    private static string Escape(string value) => value.Replace(@"\", @"\\").Replace(":", @"\:");
}
