using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>An end event consumes its token; a terminate end event also cancels everything else in its scope.</summary>
internal sealed class EndEventBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is EndEventNode;

    public override Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        var scope = step.State.Scope(token.ScopeInstanceId)!;
        step.State.Tokens.Remove(token);
        if (((EndEventNode)node).Terminate)
        {
            JournalCompleted(step, node, new { terminate = true });
            step.Cancellation.Terminate(scope);
        }

        step.CompleteScopeIfDone(scope);
        return Task.CompletedTask;
    }
}
