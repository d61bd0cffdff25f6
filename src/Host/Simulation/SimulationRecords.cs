using Npgsql;
using NodaTime;

namespace Verkstallighet.Host.Simulation;

/// <summary>
/// The one row that describes a simulation, in its own database: the main database gets no table for simulations, so
/// nothing about them is stored with the real cases, and dropping the database removes the row too.
/// </summary>
internal static class SimulationRecords
{
    public static async Task SaveAsync(NpgsqlDataSource sandbox, SimulationRecord record, CancellationToken cancellationToken)
    {
        await using (var create = sandbox.CreateCommand("""
            CREATE SCHEMA IF NOT EXISTS sandbox;
            CREATE TABLE IF NOT EXISTS sandbox.simulation (
                id uuid PRIMARY KEY, home_database text NOT NULL, owner text NOT NULL, definition_key text NOT NULL,
                definition_version integer, case_id uuid NOT NULL, instance_id uuid NOT NULL,
                start timestamptz NOT NULL, created_at timestamptz NOT NULL);
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = sandbox.CreateCommand("INSERT INTO sandbox.simulation VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        foreach (var value in new object?[]
                 {
                     record.Id, record.HomeDatabase, record.Owner, record.DefinitionKey, record.DefinitionVersion, record.CaseId,
                     record.InstanceId, record.Start, record.CreatedAt,
                 })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The simulation's stored clock, or null before it has one.</summary>
    public static async Task<Instant?> ClockAsync(NpgsqlDataSource sandbox, CancellationToken cancellationToken)
    {
        await using var command = sandbox.CreateCommand("SELECT now FROM workflows.clock_state WHERE id = 1");
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is Instant now ? now : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>The simulation's row, or null when its database has none (a creation that did not finish).</summary>
    public static async Task<SimulationRecord?> FindAsync(NpgsqlDataSource sandbox, CancellationToken cancellationToken)
    {
        await using var command = sandbox.CreateCommand("""
            SELECT id, home_database, owner, definition_key, definition_version, case_id, instance_id, start, created_at
            FROM sandbox.simulation LIMIT 1
            """);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new SimulationRecord(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                await reader.IsDBNullAsync(4, cancellationToken) ? null : reader.GetInt32(4),
                reader.GetGuid(5), reader.GetGuid(6), reader.GetFieldValue<Instant>(7), reader.GetFieldValue<Instant>(8));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
