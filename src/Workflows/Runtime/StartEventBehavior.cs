using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>A start event of a process or sub-process: the token placed on it leaves at once.</summary>
internal sealed class StartEventBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is StartEventNode start && start.Scope.Owner is not { TriggeredByEvent: true };

    public override Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        step.Leave(token, node);
        return Task.CompletedTask;
    }
}
