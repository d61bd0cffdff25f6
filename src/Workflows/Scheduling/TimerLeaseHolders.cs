using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// This engine process as a holder of timer leases, and the table of all holders. A sweep records <see cref="Self"/> on
/// every timer it claims; a holder that has not beaten for <see cref="TimerOptions.HolderTimeout"/> is gone, and its
/// leases are free at once instead of when they run out.
/// </summary>
public sealed class TimerLeaseHolders(IDbContextFactory<WorkflowsDbContext> contexts, IOptions<TimerOptions> options, WorkflowsOptions workflows)
{
    /// <summary>This process; new at every start, so a restarted Host never inherits the leases of the one that died.</summary>
    public Guid Self { get; } = Guid.NewGuid();

    public string Name { get; } = Truncate($"{workflows.ServerName ?? Environment.MachineName}:{Environment.ProcessId}", 300);

    /// <summary>Registers this process, or tells the others it is still alive.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO workflows.timer_lease_holders (id, name, started_at, heartbeat_at) VALUES ({Self}, {Name}, now(), now())
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()
            """, cancellationToken);
    }

    /// <summary>Deletes the holders that stopped beating; returns how many. Their leases are free from then on.</summary>
    public async Task<int> RemoveDeadAsync(CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.HolderTimeout.TotalSeconds;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM workflows.timer_lease_holders WHERE heartbeat_at < now() - make_interval(secs => {timeout})",
            cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    /// <summary>On an orderly stop: the others may take this process's leases at once.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM workflows.timer_lease_holders WHERE id = {Self}", cancellationToken);
    }
}
