using System.Diagnostics;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>
/// The temporary folders of throwaway clusters: each is owned by the process that made it, through a lock file, and
/// one whose owner has gone is reaped by the next process that makes one.
/// </summary>
internal static class ThrowawayClusterFolders
{
    private const string ThrowawayPrefix = "verkstallighet-pg-";
    private const string CreatingPrefix = "creating-" + ThrowawayPrefix;
    private const string OwnerFile = "owner.pid";
    private const string LockFile = "owner.lock";

    /// <summary>
    /// How old a throwaway folder without a live owner must be before it is reaped. A folder is never younger than its
    /// owner's lock, but one left by older code (no lock file) may be in the middle of being set up.
    /// </summary>
    public static readonly TimeSpan MinimumOrphanAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Creates a throwaway folder that is owned from the moment it has its name: it is set up under another name
    /// (which the reaper does not look at), with its lock file locked, then renamed. The lock is held until the
    /// cluster is stopped, and the operating system drops it when the process dies.
    /// </summary>
    public static (string Root, FileStream OwnerLock) CreateOwned()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var staging = Path.Combine(Path.GetTempPath(), CreatingPrefix + id);
        var root = Path.Combine(Path.GetTempPath(), ThrowawayPrefix + id);
        Directory.CreateDirectory(staging);
        PostgresTools.MakeTraversable(staging);
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
    public static async Task ReapOrphansAsync(string bin)
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
                    await PostgresTools.RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", cluster, "-m", "immediate", "-w", "-t", "30"], throwOnError: false, CancellationToken.None);
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

    public static void TryDelete(string directory)
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
}
