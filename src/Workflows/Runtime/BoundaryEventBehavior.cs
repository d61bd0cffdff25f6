using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// A boundary event on an activity. Triggered, it starts a token of its own; an interrupting one first cancels the
/// activity, a non-interrupting one leaves it running (and keeps its subscription while a cycle has repetitions left).
/// </summary>
internal sealed class BoundaryEventBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is BoundaryEventNode;

    public override Task TriggerAsync(InstanceStep step, Bookmark bookmark, FlowNode node, bool oneShot, CancellationToken cancellationToken)
    {
        var boundary = (BoundaryEventNode)node;
        var activityToken = step.State.Token(bookmark.TokenId)!;
        var scope = step.State.Scope(activityToken.ScopeInstanceId)!;
        if (boundary.CancelActivity || oneShot)
        {
            step.Subscriptions.Remove(bookmark, cancelled: null);
        }

        if (boundary.CancelActivity)
        {
            step.Cancellation.CancelToken(activityToken);
        }

        step.Leave(step.NewToken(scope, boundary, via: null, enqueue: false), boundary);
        return Task.CompletedTask;
    }
}
