using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The start event of an event sub-process, subscribed for as long as its enclosing scope lives. Triggered, it runs the
/// event sub-process in a scope of its own; an interrupting one first cancels everything else in the enclosing scope.
/// </summary>
internal sealed class EventSubProcessStartBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is StartEventNode { Scope.Owner.TriggeredByEvent: true };

    public override Task TriggerAsync(InstanceStep step, Bookmark bookmark, FlowNode node, bool oneShot, CancellationToken cancellationToken)
    {
        var start = (StartEventNode)node;
        var eventSubProcess = start.Scope.Owner!;
        var scope = step.State.Scope(bookmark.ScopeInstanceId)!;
        if (start.IsInterrupting || oneShot)
        {
            step.Subscriptions.Remove(bookmark, cancelled: null);
        }

        if (start.IsInterrupting)
        {
            step.Subscriptions.RemoveInScope(scope.Id, TimerCancellation.Interrupted);
            step.Cancellation.CancelScopeContents(scope);
        }

        var owner = step.NewToken(scope, eventSubProcess, via: null, enqueue: false);
        owner.Status = TokenStatus.Waiting;
        var child = step.Scopes.Open(eventSubProcess.Id, scope, owner);
        step.Leave(step.NewToken(child, start, via: null, enqueue: false), start);
        return Task.CompletedTask;
    }
}
