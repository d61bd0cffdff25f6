using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Tests.Persistence;

/// <summary>Throwaway clusters of several test processes side by side: the reaper and the port.</summary>
public sealed class LocalPostgresClusterTests
{
    private static string Bin => LocalPostgresCluster.FindBinDirectory() ?? throw new InvalidOperationException("No PostgreSQL binaries.");

    [Fact]
    public async Task Reaper_LeavesALiveClusterAlone_WhileItsOwnerHoldsTheLock_EvenWhenItLooksOldAndItsPidIsGone()
    {
        await using var cluster = await LocalPostgresCluster.StartThrowawayAsync();
        var folder = cluster.ThrowawayFolder!;
        // Only the lock protects it now: the owner file names a finished process, and nothing in it is young.
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), (await FinishedProcessIdAsync()).ToString());
        MakeOld(folder);

        await ThrowawayClusterFolders.ReapOrphansAsync(Bin);

        Assert.True(Directory.Exists(folder));
        Assert.True(await cluster.IsRunningAsync());
    }

    [Fact]
    public async Task Reaper_LeavesAYoungFolderAlone_ThoughItHasNoOwnerYet()
    {
        // What older code left between creating the folder and writing its owner file.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "verkstallighet-pg-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        try
        {
            await ThrowawayClusterFolders.ReapOrphansAsync(Bin);

            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Reaper_RemovesAnOldFolder_WhoseLockNobodyHolds()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "verkstallighet-pg-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.lock"), "");
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), (await FinishedProcessIdAsync()).ToString());
        MakeOld(folder);

        await ThrowawayClusterFolders.ReapOrphansAsync(Bin);

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Start_RetriesOnAnotherPort_WhenItsPortIsTakenBeforePostgresBindsIt()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var offered = new List<int>();

        await using var cluster = await LocalPostgresCluster.StartThrowawayAsync(durable: false, () =>
        {
            offered.Add(offered.Count == 0 ? taken : LocalPostgresCluster.FreePort());
            return offered[^1];
        }, CancellationToken.None);

        Assert.Equal(2, offered.Count);
        Assert.Equal(offered[1], cluster.Port);
        Assert.True(await cluster.IsRunningAsync());
        await cluster.CreateDatabaseAsync("reachable");
    }

    private static void MakeOld(string folder)
    {
        var old = DateTime.UtcNow - ThrowawayClusterFolders.MinimumOrphanAge - TimeSpan.FromHours(1);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        Directory.SetLastWriteTimeUtc(folder, old);
    }

    private static async Task<int> FinishedProcessIdAsync()
    {
        using var process = Process.Start("true")!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
