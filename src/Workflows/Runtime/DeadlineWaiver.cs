using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>Waives a deadline of an instance in a step: only a boundary event's or an event sub-process start's timer can be waived.</summary>
internal static class DeadlineWaiver
{
    /// <summary>
    /// Waives a deadline for a recorded reason: a pending timer is cancelled and the activity or scope it watches goes
    /// on; a fired one keeps what it started and only stops counting as overdue.
    /// </summary>
    public static void Waive(InstanceStep step, Bookmark? bookmark, WorkflowTimer timer, string reason)
    {
        var node = step.Model.Node(timer.ElementId);
        if (node is not BoundaryEventNode and not StartEventNode)
        {
            throw new ConflictException($"The timer at '{node.DisplayName}' is not a deadline that can be waived: the workflow waits for it to continue.");
        }

        if (bookmark is not null)
        {
            step.Subscriptions.Remove(bookmark, cancelled: null);
        }

        var wasFired = timer.Status == TimerStatus.Fired;
        timer.Waive(step.Actor.UserId, reason, step.Now);
        step.Journal.Write(JournalKinds.DeadlineWaived, node.Id, new { timerId = timer.Id, rule = timer.DeadlineRuleKey, dueDate = timer.DueDate, reason, afterDueDate = wasFired });
    }
}
