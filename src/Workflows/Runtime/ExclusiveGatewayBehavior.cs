using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>An exclusive gateway takes the first outgoing flow whose condition holds, else its default flow.</summary>
internal sealed class ExclusiveGatewayBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is GatewayNode { Kind: GatewayKind.Exclusive };

    public override Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        step.Leave(token, node);
        return Task.CompletedTask;
    }

    public override IReadOnlyList<SequenceFlow> Outgoing(InstanceStep step, FlowNode node)
    {
        if (node.Outgoing.Count == 1 && node.Outgoing[0].Condition is null)
        {
            return node.Outgoing;
        }

        foreach (var flow in node.Outgoing.Where(f => f != node.DefaultFlow && f.Condition is not null))
        {
            if (Holds(step, flow))
            {
                step.Journal.Write(JournalKinds.GatewayDecided, node.Id, new { flow = flow.Id });
                return [flow];
            }
        }

        if (node.DefaultFlow is not null)
        {
            step.Journal.Write(JournalKinds.GatewayDecided, node.Id, new { flow = node.DefaultFlow.Id, @default = true });
            return [node.DefaultFlow];
        }

        throw new ElementFailedException($"No condition leaving gateway '{node.Id}' is true, and it has no default flow.");
    }
}
