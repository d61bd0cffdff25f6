using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>An intermediate timer or message catch event: the token waits until its event arrives.</summary>
internal sealed class IntermediateCatchEventBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is IntermediateCatchEventNode;

    public override Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        token.Status = TokenStatus.Waiting;
        step.Subscriptions.Subscribe(((IntermediateCatchEventNode)node).Trigger, node.Id, token.Id, scopeInstanceId: null);
        return Task.CompletedTask;
    }

    public override Task TriggerAsync(InstanceStep step, Bookmark bookmark, FlowNode node, bool oneShot, CancellationToken cancellationToken)
    {
        var token = step.State.Token(bookmark.TokenId)!;
        if (token.ElementId != node.Id)
        {
            // The token waits at an event-based gateway: this event wins, the others are withdrawn.
            step.Subscriptions.RemoveOf(token, TimerCancellation.Interrupted, except: bookmark);
            token.ArrivedVia = node.Incoming[0].Id;
            token.ElementId = node.Id;
        }

        Resume(step, token, bookmark, node);
        return Task.CompletedTask;
    }
}
