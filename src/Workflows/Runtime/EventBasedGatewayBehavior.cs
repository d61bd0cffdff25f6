using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// An event-based gateway: its token waits for the first of the catch events after it. The event that wins moves the
/// token on (<see cref="IntermediateCatchEventBehavior"/>), and the others are withdrawn.
/// </summary>
internal sealed class EventBasedGatewayBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is GatewayNode { Kind: GatewayKind.EventBased };

    public override Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        token.Status = TokenStatus.Waiting;
        foreach (var flow in node.Outgoing)
        {
            var target = (IntermediateCatchEventNode)flow.Target;
            step.Subscriptions.Subscribe(target.Trigger, target.Id, token.Id, scopeInstanceId: null);
        }

        return Task.CompletedTask;
    }
}
