using Npgsql;

namespace Verkstallighet.Workflows.Simulation;

/// <summary>
/// One database per simulation, on the same PostgreSQL server as the engine's own: nothing a simulation writes can be
/// read or changed through the real database, and deleting a simulation drops all of it at once. Creating and dropping
/// databases needs the CREATEDB right (or a superuser, as the Host's private cluster and the test clusters run).
/// </summary>
public sealed class SandboxDatabases(string homeConnectionString)
{
    /// <summary>PostgreSQL's limit on an identifier.</summary>
    private const int MaxNameLength = 63;

    private const string Infix = "_sim_";

    /// <summary>
    /// The real database's name (as PostgreSQL does, the user's name when the connection string names none); a sandbox
    /// records it, so a simulation is found only from its own home.
    /// </summary>
    public string HomeDatabase { get; } = new NpgsqlConnectionStringBuilder(homeConnectionString) is var builder && (builder.Database ?? builder.Username) is { Length: > 0 } name
        ? name
        : throw new ArgumentException("The connection string names no database and no user.", nameof(homeConnectionString));

    /// <summary>What every sandbox of this home is named with first.</summary>
    private string Prefix
    {
        get
        {
            var room = MaxNameLength - Infix.Length - 32;
            return (HomeDatabase.Length > room ? HomeDatabase[..room] : HomeDatabase) + Infix;
        }
    }

    public string NameOf(Guid simulationId) => Prefix + simulationId.ToString("N");

    /// <summary>The simulations whose databases are on the server, at most <paramref name="limit"/>, newest first (their ids are time-ordered).</summary>
    public async Task<IReadOnlyList<Guid>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenHomeAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1 ORDER BY datname DESC LIMIT $2", connection)
        {
            Parameters = { new() { Value = Prefix }, new() { Value = limit } },
        };
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Guid.TryParseExact(reader.GetString(0)[Prefix.Length..], "N", out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public string ConnectionStringOf(Guid simulationId) =>
        new NpgsqlConnectionStringBuilder(homeConnectionString) { Database = NameOf(simulationId) }.ConnectionString;

    public async Task CreateAsync(Guid simulationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenHomeAsync(cancellationToken);
        // The name is built from a Guid and the home database's name, which this process was configured with.
        await using var command = new NpgsqlCommand($"CREATE DATABASE {Quote(NameOf(simulationId))}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ExistsAsync(Guid simulationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenHomeAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = NameOf(simulationId) } },
        };
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Drops the simulation's database; sessions still on it (an idle pooled connection) are closed.</summary>
    public async Task DropAsync(Guid simulationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenHomeAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(NameOf(simulationId))} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenHomeAsync(CancellationToken cancellationToken)
    {
        // Not pooled: these statements are rare, and CREATE DATABASE may not run inside a pooled session's transaction.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(homeConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
