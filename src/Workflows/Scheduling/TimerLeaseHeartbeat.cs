using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// Beats for this process every <see cref="TimerOptions.HeartbeatInterval"/> (in database time) and removes holders that
/// stopped beating. It sweeps once as soon as the process starts, so timers that fell due while no Host ran fire without
/// waiting for the next cron minute, and again whenever it finds a dead holder, so that holder's leased timers fire within
/// seconds. Neither does work that grows with the number of pending timers: a sweep reads only due ones.
/// </summary>
public sealed class TimerLeaseHeartbeat(
    TimerLeaseHolders holders,
    TimerSweeper sweeper,
    IOptions<TimerOptions> options,
    ILogger<TimerLeaseHeartbeat> logger) : BackgroundService
{
    private volatile bool sweepWanted = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = Task.CompletedTask;
        using var beat = new PeriodicTimer(options.Value.HeartbeatInterval);
        do
        {
            try
            {
                await holders.BeatAsync(stoppingToken);
                var removed = await holders.RemoveDeadAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogWarning("{Count} engine process(es) stopped beating; their timer leases are taken over.", removed);
                    sweepWanted = true;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Timer lease heartbeat failed; trying again in {Interval}.", options.Value.HeartbeatInterval);
            }

            // The sweep runs beside the beat, so a long sweep never makes this process look dead.
            if (sweepWanted && sweeping.IsCompleted)
            {
                sweepWanted = false;
                sweeping = SweepAsync(stoppingToken);
            }
        }
        while (await beat.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await sweeper.ClaimAndEnqueueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The process is stopping.
        }
        catch (Exception e)
        {
            sweepWanted = true; // the database may be down; the next beat tries again
            logger.LogWarning(e, "Timer sweep after start or after a lease holder died failed; trying again at the next beat.");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await holders.LeaveAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Best effort, within the shutdown time: without it, the others find this process dead a little later.
            logger.LogInformation(e, "Could not remove this process from the timer lease holders; the others will find it dead.");
        }
    }
}
