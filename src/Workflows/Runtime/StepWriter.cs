using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// Saves a step in one transaction: the tracked rows, and the set-based changes to rows the step did not load (tasks and
/// timers of cancelled bookmarks, fired deadlines that are resolved, open tasks that follow an office move), then the
/// domain data activities asked to write.
/// </summary>
internal sealed class StepWriter(WorkflowsDbContext db, WorkflowInstance instance, Instant now)
{
    private readonly List<Guid> cancelledTaskBookmarks = [];
    private readonly Dictionary<TimerCancellation, List<Guid>> cancelledTimerBookmarks = [];
    private readonly Dictionary<TimerCancellation, List<string>> endedBoundaryWatches = [];
    private readonly HashSet<Guid> timersFiredInStep = [];

    /// <summary>The instance moved office in this step: its open tasks from before go with it.</summary>
    public bool MovedOffice { get; set; }

    public void CancelTaskOf(Guid bookmarkId) => cancelledTaskBookmarks.Add(bookmarkId);

    public void CancelTimerOf(Guid bookmarkId, TimerCancellation reason) => ListFor(cancelledTimerBookmarks, reason).Add(bookmarkId);

    /// <summary>The fired deadlines of these boundary events are resolved: their activity ended, late or interrupted.</summary>
    public void ResolveFiredDeadlines(IEnumerable<string> boundaryEventIds, TimerCancellation reason) => ListFor(endedBoundaryWatches, reason).AddRange(boundaryEventIds);

    /// <summary>A deadline fired in this very step (an interrupting one, say) was missed, not resolved.</summary>
    public void FiredInStep(Guid timerId) => timersFiredInStep.Add(timerId);

    public async Task SaveAsync(IReadOnlyList<Func<StepTransaction, CancellationToken, Task>> alsoSave, CancellationToken cancellationToken)
    {
        if (cancelledTaskBookmarks.Count == 0 && cancelledTimerBookmarks.Count == 0 && endedBoundaryWatches.Count == 0 && alsoSave.Count == 0 && !MovedOffice)
        {
            await db.SaveChangesAsync(cancellationToken); // one batch, in its own transaction
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Database.AutoSavepointsEnabled = false;
            await db.SaveChangesAsync(cancellationToken);
            await WriteSetBasedChangesAsync(cancellationToken);
            var stepTransaction = new StepTransaction(db.Database.GetDbConnection(), transaction.GetDbTransaction(), instance.Id);
            foreach (var write in alsoSave)
            {
                await write(stepTransaction, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
    }

    private async Task WriteSetBasedChangesAsync(CancellationToken cancellationToken)
    {
        if (cancelledTaskBookmarks.Count > 0)
        {
            await db.Tasks
                .Where(t => cancelledTaskBookmarks.Contains(t.BookmarkId) && t.Status == HumanTaskStatus.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, HumanTaskStatus.Cancelled)
                    .SetProperty(t => t.CompletedAt, now)
                    .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        }

        foreach (var (reason, ids) in cancelledTimerBookmarks)
        {
            await WorkflowTimer.CancelAllAsync(db.Timers.Where(t => t.BookmarkId != null && ids.Contains(t.BookmarkId.Value)), reason, now, cancellationToken);
        }

        var firedNow = timersFiredInStep.ToList();
        foreach (var (reason, elementIds) in endedBoundaryWatches)
        {
            await WorkflowTimer.ResolveAllAsync(
                db.Timers.Where(t => t.InstanceId == instance.Id && elementIds.Contains(t.ElementId) && !firedNow.Contains(t.Id)), reason, now, cancellationToken);
        }

        if (MovedOffice)
        {
            // Tasks opened in this step already carry the new office; this moves the ones opened before.
            var office = instance.Office;
            await db.Tasks
                .Where(t => t.InstanceId == instance.Id && t.Status == HumanTaskStatus.Open && t.Office != office)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Office, office).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        }
    }

    private static List<T> ListFor<T>(Dictionary<TimerCancellation, List<T>> lists, TimerCancellation reason)
    {
        if (!lists.TryGetValue(reason, out var list))
        {
            lists[reason] = list = [];
        }

        return list;
    }
}
