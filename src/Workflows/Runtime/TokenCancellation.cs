using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// Cancels tokens with everything that hangs on them (an interrupting event, a terminate end event), and resolves the
/// fired deadlines of activities that end.
/// </summary>
internal sealed class TokenCancellation(InstanceStep step)
{
    /// <summary>A terminate end event in the process scope ended the instance.</summary>
    public bool Terminated { get; private set; }

    /// <summary>A terminate end event: everything else in its scope is cancelled; in the process scope the instance ends terminated.</summary>
    public void Terminate(ScopeInstance scope)
    {
        Terminated = scope.ParentId is null;
        CancelScopeContents(scope);
    }

    public void CancelScopeContents(ScopeInstance scope)
    {
        foreach (var token in step.State.Tokens.Where(t => t.ScopeInstanceId == scope.Id).ToList())
        {
            CancelToken(token);
        }
    }

    /// <summary>Cancels a token with everything that hangs on it: its task, its subscriptions, its child scope.</summary>
    public void CancelToken(Token token)
    {
        step.Subscriptions.RemoveOf(token, TimerCancellation.Interrupted);
        ResolveFiredDeadlines(step.Model.Node(token.ElementId), TimerCancellation.Interrupted);
        if (step.State.Scopes.Find(s => s.OwnerTokenId == token.Id) is { } child)
        {
            step.Subscriptions.RemoveInScope(child.Id, TimerCancellation.Interrupted);
            CancelScopeContents(child);
            step.State.Scopes.Remove(child);
        }

        step.Incidents.ResolveOf(token);
        step.State.Tokens.Remove(token);
        if (token.Status is TokenStatus.Waiting or TokenStatus.Incident)
        {
            step.Journal.Write(JournalKinds.ElementCancelled, token.ElementId, null);
        }
    }

    /// <summary>
    /// The activity's boundary deadlines that already fired are resolved when it ends: completed late, or interrupted.
    /// Their bookmarks went when they fired, so the rows are found by element when the step is saved.
    /// </summary>
    public void ResolveFiredDeadlines(FlowNode node, TimerCancellation reason)
    {
        if (node is ActivityNode { BoundaryEvents.Count: > 0 } activity
            && activity.BoundaryEvents.Where(b => b.Trigger is TimerTrigger).Select(b => b.Id).ToList() is { Count: > 0 } timerEvents)
        {
            step.Writer.ResolveFiredDeadlines(timerEvents, reason);
        }
    }
}
