namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Links the sequence flows and boundary events read to the nodes they name, through the one index of node ids, so
/// that linking takes time in proportion to the document. A reference to a refused element is not reported again:
/// its refusal named it.
/// </summary>
internal sealed class FlowLinker(ParseSession session)
{
    public void Link()
    {
        foreach (var flow in session.Flows)
        {
            session.Budget.Check();
            Link(flow);
        }

        foreach (var attachment in session.Boundaries)
        {
            session.Budget.Check();
            Attach(attachment);
        }
    }

    private void Link(SequenceFlowDeclaration declaration)
    {
        // A flow without an id was reported by the reader; its ends are only looked up, not reported on again.
        var source = Resolve(declaration.SourceRef, declaration, "source");
        var target = Resolve(declaration.TargetRef, declaration, "target");
        if (declaration.Id is null || source is null || target is null)
        {
            // The flow is left out and its problem named: its other end is not reported as unreachable or stuck for want of it.
            if (source is not null)
            {
                session.Refused.UnlinkedFlowOutOf(source);
            }

            if (target is not null)
            {
                session.Refused.UnlinkedFlowInto(target);
            }

            return;
        }

        var flow = new SequenceFlow(declaration.Id, source, target, declaration.Condition);
        source.Outgoing.Add(flow);
        target.Incoming.Add(flow);
        if (session.DefaultFlowIds.TryGetValue(source, out var defaultFlowId) && defaultFlowId == declaration.Id)
        {
            source.DefaultFlow = flow;
        }
    }

    private FlowNode? Resolve(string? reference, SequenceFlowDeclaration flow, string end)
    {
        var report = flow.Id is not null;
        if (string.IsNullOrWhiteSpace(reference))
        {
            if (report)
            {
                session.Problem(flow.Id, $"The sequence flow has no {end}Ref.");
            }

            return null;
        }

        var node = Find(reference, flow.Scope);
        if (node is not null || !report || session.Refused.ScopeOf(reference) == flow.Scope)
        {
            return node;
        }

        session.Problem(flow.Id, session.Nodes.ContainsKey(reference) || session.Refused.ScopeOf(reference) is not null
            ? $"The sequence flow's {end} '{reference}' is in another scope; sequence flows may not cross a sub-process boundary."
            : $"The sequence flow's {end} '{reference}' does not exist (dangling sequence flow).");
        return null;
    }

    /// <summary>The kept node of <paramref name="scope"/> (not of nested ones) with this id.</summary>
    private FlowNode? Find(string id, ScopeModel scope) =>
        session.Nodes.TryGetValue(id, out var node) && node.Scope == scope ? node : null;

    private void Attach(BoundaryAttachment attachment)
    {
        var (boundary, attachedTo) = attachment;
        if (string.IsNullOrWhiteSpace(attachedTo))
        {
            session.Problem(boundary.Id, "The boundary event has no attachedToRef.");
            return;
        }

        var target = Find(attachedTo, boundary.Scope);
        if (target is null && session.Refused.ScopeOf(attachedTo) == boundary.Scope)
        {
            return; // the activity was refused, and named there
        }

        if (target is not ActivityNode activity || activity is SubProcessNode { TriggeredByEvent: true })
        {
            session.Problem(boundary.Id, $"The boundary event is attached to '{attachedTo}', which is not a task or sub-process in the same scope.");
            return;
        }

        boundary.AttachedTo = activity;
        activity.BoundaryEvents.Add(boundary);
    }
}
