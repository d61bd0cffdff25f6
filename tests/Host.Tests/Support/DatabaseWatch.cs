using System.Diagnostics;
using Npgsql;

namespace Verkstallighet.Host.Tests.Support;

/// <summary>What the crash tests read straight from the database while Host processes come and go.</summary>
public static class DatabaseWatch
{
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<int> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="patience"/> with the Host's last output.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience, string what, HostProcess host)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < patience, $"Waited {patience} for {what}. The Host's last output:\n{host.Output}");
            await Task.Delay(20);
        }
    }
}
