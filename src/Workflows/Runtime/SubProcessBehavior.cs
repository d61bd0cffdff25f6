using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// An embedded sub-process: its token waits while a child scope runs from the sub-process's start event. (An event
/// sub-process is never entered: <see cref="EventSubProcessStartBehavior"/> opens it.)
/// </summary>
internal sealed class SubProcessBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is SubProcessNode;

    public override Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        var subProcess = (SubProcessNode)node;
        token.Status = TokenStatus.Waiting;
        step.Subscriptions.SubscribeBoundaryEvents(token, subProcess);
        var child = step.Scopes.Open(subProcess.Id, step.State.Scope(token.ScopeInstanceId), token);
        var start = subProcess.Body.NoneStartEvent!;
        step.Leave(step.NewToken(child, start, via: null, enqueue: false), start);
        return Task.CompletedTask;
    }
}
