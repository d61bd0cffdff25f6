using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>Opens scopes (the process, sub-processes) and keeps the start events of their event sub-processes subscribed.</summary>
internal sealed class ScopeOpening(InstanceStep step)
{
    /// <summary>Opens a scope and subscribes the start events of its event sub-processes.</summary>
    public ScopeInstance Open(string scopeId, ScopeInstance? parent, Token? owner)
    {
        var scope = new ScopeInstance { Id = step.State.NewId("s"), ScopeId = scopeId, ParentId = parent?.Id, OwnerTokenId = owner?.Id };
        step.State.Scopes.Add(scope);
        var scopeModel = scopeId == step.Model.Root.Id ? step.Model.Root : ((SubProcessNode)step.Model.Node(scopeId)).Body;
        foreach (var eventSubProcess in scopeModel.EventSubProcesses)
        {
            Subscribe(scope, eventSubProcess.TriggerStart!);
        }

        return scope;
    }

    /// <summary>Subscribes again the event sub-process start of an incident whose subscription failed.</summary>
    public void Resubscribe(Incident incident)
    {
        if (step.State.Scope(incident.ScopeInstanceId) is { } scope && step.Model.Node(incident.ElementId) is StartEventNode start)
        {
            Subscribe(scope, start);
        }
    }

    private void Subscribe(ScopeInstance scope, StartEventNode start)
    {
        try
        {
            step.Subscriptions.Subscribe(start.Trigger!, start.Id, tokenId: null, scope.Id);
        }
        catch (ElementFailedException e)
        {
            step.Incidents.Raise(null, start, e.Message, leaving: false, scope.Id);
        }
    }
}
