using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>A parallel gateway forks along every outgoing flow, and joins by waiting for a token from each incoming one.</summary>
internal sealed class ParallelGatewayBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is GatewayNode { Kind: GatewayKind.Parallel };

    public override Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        if (node.Incoming.Count <= 1)
        {
            step.Leave(token, node);
            return Task.CompletedTask;
        }

        token.Status = TokenStatus.Joining;
        var waiting = step.State.Tokens
            .Where(t => t.Status == TokenStatus.Joining && t.ElementId == node.Id && t.ScopeInstanceId == token.ScopeInstanceId)
            .ToList();
        var arrivals = node.Incoming.Select(flow => waiting.FirstOrDefault(t => t.ArrivedVia == flow.Id)).ToList();
        if (arrivals.Any(t => t is null))
        {
            return Task.CompletedTask;
        }

        // One token from each incoming flow is consumed; one continues.
        var survivor = arrivals[0]!;
        foreach (var arrived in arrivals.Skip(1))
        {
            step.State.Tokens.Remove(arrived!);
        }

        survivor.Status = TokenStatus.Active;
        step.Leave(survivor, node);
        return Task.CompletedTask;
    }

    public override IReadOnlyList<SequenceFlow> Outgoing(InstanceStep step, FlowNode node) => node.Outgoing;
}
