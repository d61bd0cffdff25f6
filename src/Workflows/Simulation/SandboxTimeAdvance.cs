using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Simulation;

/// <summary>
/// Moves a sandbox's clock forward and fires, one by one and in due order, every timer due by the target, through the
/// same fire path as the real fire jobs (<see cref="WorkflowRuntime.FireTimerAsync"/>). Before each firing the clock is
/// set to the timer's due time, so the journal, the tasks an escalation opens and the deadlines they get read as they
/// would in real time; a timer a firing makes that is due by the target fires in the same advance.
/// </summary>
public static class SandboxTimeAdvance
{
    /// <summary>A cycle timer, or a model that keeps making due timers, stops here instead of running on.</summary>
    public const int MaxFiringsPerAdvance = 1000;

    public static async Task<SandboxAdvanceResult> ToAsync(SandboxEngine engine, Instant target, CancellationToken cancellationToken, int maxFirings = MaxFiringsPerAdvance)
    {
        if (target < engine.Clock.GetCurrentInstant())
        {
            throw new BadRequestException("The simulation's clock never goes back.");
        }

        var runtime = engine.Get<WorkflowRuntime>();
        var fired = new List<SandboxFiredTimer>();
        // A timer whose firing failed (or was stale) stays Pending; it is reported
        // once and not tried again in this advance. A cycle timer fires again under its id, re-armed, so it is not skipped.
        var failed = new HashSet<Guid>();
        var stoppedAtLimit = false;
        while (await NextDueAsync(engine, target, failed, cancellationToken) is { } timer)
        {
            if (fired.Count >= maxFirings)
            {
                stoppedAtLimit = true;
                break;
            }

            if (timer.DueAt > engine.Clock.GetCurrentInstant())
            {
                engine.Clock.AdvanceTo(timer.DueAt);
            }

            try
            {
                var outcome = await runtime.FireTimerAsync(timer.Id, timer.Version, cancellationToken);
                fired.Add(Fired(timer, outcome, null));
                if (outcome == TimerFireOutcome.Stale)
                {
                    failed.Add(timer.Id);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(timer.Id);
                fired.Add(Fired(timer, null, e.Message));
            }
        }

        if (!stoppedAtLimit)
        {
            engine.Clock.AdvanceTo(target);
        }

        await engine.SaveClockAsync(cancellationToken);
        return new SandboxAdvanceResult(engine.Clock.GetCurrentInstant(), fired, stoppedAtLimit);
    }

    private static SandboxFiredTimer Fired(WorkflowTimer timer, TimerFireOutcome? outcome, string? error) =>
        new(timer.Id, timer.InstanceId, timer.ElementId, timer.DueAt, timer.DueDate, timer.DeadlineRuleKey, outcome, error);

    private static async Task<WorkflowTimer?> NextDueAsync(SandboxEngine engine, Instant target, HashSet<Guid> failed, CancellationToken cancellationToken)
    {
        await using var db = await engine.ContextAsync(cancellationToken);
        var skip = failed.ToArray();
        return await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= target && !skip.Contains(t.Id))
            .OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
