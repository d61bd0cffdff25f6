using System.Diagnostics;
using Npgsql;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Tests.Persistence;

public sealed class ThrowawayTestClusterTests
{
    [Fact]
    public async Task CreateDatabase_StartsANewCluster_WhenItsClusterWasStoppedFromOutside()
    {
        var fixture = new ThrowawayTestCluster([]);
        try
        {
            var lost = await fixture.ClusterAsync();
            var folder = lost.ThrowawayFolder!;
            await StopFromOutsideAsync(folder);

            var connectionString = await fixture.CreateDatabaseAsync();

            var replacement = await fixture.ClusterAsync();
            Assert.NotSame(lost, replacement);
            Assert.True(await replacement.IsRunningAsync());
            Assert.False(Directory.Exists(folder), "The lost cluster's folder was left behind.");
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        }
        finally
        {
            await fixture.StopAsync();
        }
    }

    /// <summary>What another test run's reaper did to a live cluster: an immediate stop from outside.</summary>
    private static async Task StopFromOutsideAsync(string folder)
    {
        var pgCtl = Path.Combine(LocalPostgresCluster.FindBinDirectory()!, "pg_ctl");
        string[] stop = [pgCtl, "stop", "-D", Path.Combine(folder, "pg"), "-m", "immediate", "-w"];
        // PostgreSQL's tools refuse root; the helper runs them as the postgres user then, and so does this.
        var info = Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. stop]) : new ProcessStartInfo(stop[0], stop[1..]);
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
