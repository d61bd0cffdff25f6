using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Checks the linked model against the rules of the supported subset: what each kind of node may connect to, what
/// the gateways' flows carry, and the start events of each scope. Whatever follows only from a refused element or an
/// unlinked flow is left unsaid; their own problems name them.
/// </summary>
internal sealed class ModelValidator(ParseSession session)
{
    private readonly HashSet<ScopeModel> scopesWithStart = [];

    private RefusedElements Refused => session.Refused;

    public void Validate(ProcessModel model)
    {
        scopesWithStart.UnionWith(session.Scopes.Where(s => s.StartEvents.Any()));
        foreach (var scope in session.Scopes)
        {
            foreach (var node in scope.Nodes)
            {
                session.Budget.Check();
                CheckNode(node);
            }
        }

        CheckProcessStart(model.Root, model.Key);
        CheckPayloadsAgainstAnchors(model);
    }

    private void CheckNode(FlowNode node)
    {
        switch (node)
        {
            case StartEventNode start:
                CheckStart(start);
                break;
            case EndEventNode end when end.Outgoing.Count > 0:
                session.Problem(end.Id, "An end event may not have outgoing sequence flows.");
                break;
            case BoundaryEventNode boundary:
                CheckBoundary(boundary);
                break;
            case IntermediateCatchEventNode { Trigger: TimerTrigger { Spec.Kind: TimerSpecKind.Cycle } } catchEvent:
                session.Problem(catchEvent.Id, "An intermediate timer fires once; use timeDuration or timeDate, not timeCycle.");
                break;
            case SubProcessNode subProcess:
                CheckSubProcess(subProcess);
                break;
            case GatewayNode gateway:
                CheckGateway(gateway);
                break;
        }

        // In a scope without a start event, BPMN starts every element without incoming flows; the missing start
        // event is the one problem named, not each of them as unreachable.
        if (node is not StartEventNode and not BoundaryEventNode and not SubProcessNode { TriggeredByEvent: true }
            && node.Incoming.Count == 0 && !Refused.HasUnlinkedIncoming(node) && scopesWithStart.Contains(node.Scope))
        {
            session.Problem(node.Id, "The element has no incoming sequence flow, so it can never be reached.");
        }

        if (node is not GatewayNode && node.Outgoing.Count > 0)
        {
            CheckActivityConditions(node);
        }
    }

    private void CheckStart(StartEventNode start)
    {
        if (start.Incoming.Count > 0)
        {
            session.Problem(start.Id, "A start event may not have incoming sequence flows.");
        }

        if (start.Trigger is TimerTrigger { Spec.AnchorVariable: not null } && start.Scope.Owner is null)
        {
            session.Problem(start.Id, "A process start timer cannot count from an anchor variable: there are no variables before the process starts.");
        }

        if (start.Trigger is TimerTrigger { Spec.Kind: TimerSpecKind.Cycle } && start.Scope.Owner is not null && start.IsInterrupting)
        {
            session.Problem(start.Id, "A cycle timer can only start a non-interrupting event sub-process.");
        }
    }

    private void CheckBoundary(BoundaryEventNode boundary)
    {
        if (boundary.Incoming.Count > 0)
        {
            session.Problem(boundary.Id, "A boundary event may not have incoming sequence flows.");
        }

        if (boundary.Trigger is TimerTrigger { Spec.Kind: TimerSpecKind.Cycle } && boundary.CancelActivity)
        {
            session.Problem(boundary.Id, "A cycle timer boundary event must be non-interrupting (cancelActivity=\"false\").");
        }
    }

    private void CheckSubProcess(SubProcessNode subProcess)
    {
        if (subProcess.TriggeredByEvent && (subProcess.Incoming.Count > 0 || subProcess.Outgoing.Count > 0))
        {
            session.Problem(subProcess.Id, "An event sub-process may not have incoming or outgoing sequence flows.");
        }

        if (Refused.HasStartEventIn(subProcess.Body))
        {
            return; // its start event was refused, and named there
        }

        var starts = subProcess.Body.StartEvents.Take(2).ToList();
        if (subProcess.TriggeredByEvent && (starts.Count != 1 || starts[0].Trigger is null))
        {
            session.Problem(subProcess.Id, "An event sub-process needs exactly one start event, with a message or timer definition.");
        }
        else if (!subProcess.TriggeredByEvent && starts.Count == 0)
        {
            session.Problem(subProcess.Id, "A sub-process without a start event is not supported: the engine starts a sub-process at its none start event; add one.");
        }
        else if (!subProcess.TriggeredByEvent && (starts.Count != 1 || starts[0].Trigger is not null))
        {
            session.Problem(subProcess.Id, "An embedded sub-process needs exactly one start event, and it must be a none start event.");
        }
    }

    private void CheckGateway(GatewayNode gateway)
    {
        // Flows to refused elements still count as leaving the gateway: the refusal is the problem, not their number.
        var leaving = gateway.Outgoing.Count + Refused.UnlinkedOutgoing(gateway);
        if (leaving == 0)
        {
            session.Problem(gateway.Id, "The gateway has no outgoing sequence flow.");
            return;
        }

        switch (gateway.Kind)
        {
            case GatewayKind.Exclusive:
                CheckExclusive(gateway, leaving);
                break;
            case GatewayKind.Parallel:
                foreach (var flow in gateway.Outgoing.Where(f => f.Condition is not null))
                {
                    session.Problem(flow.Id, "Flows leaving a parallel gateway may not have conditions.");
                }

                break;
            case GatewayKind.EventBased:
                CheckEventBased(gateway, leaving);
                break;
        }
    }

    private void CheckExclusive(GatewayNode gateway, int leaving)
    {
        if (gateway.DefaultFlow?.Condition is not null)
        {
            session.Problem(gateway.DefaultFlow.Id, "The default flow may not have a condition.");
        }

        if (leaving > 1)
        {
            foreach (var flow in gateway.Outgoing.Where(f => f != gateway.DefaultFlow && f.Condition is null))
            {
                session.Problem(flow.Id, $"The flow leaves exclusive gateway '{gateway.Id}' without a condition; give it a condition or make it the gateway's default flow.");
            }
        }
    }

    private void CheckEventBased(GatewayNode gateway, int leaving)
    {
        if (leaving < 2)
        {
            session.Problem(gateway.Id, "An event-based gateway needs at least two outgoing flows.");
        }

        foreach (var flow in gateway.Outgoing)
        {
            if (flow.Condition is not null)
            {
                session.Problem(flow.Id, "Flows leaving an event-based gateway may not have conditions.");
            }

            if (flow.Target is not IntermediateCatchEventNode target)
            {
                session.Problem(flow.Id, $"An event-based gateway must lead to intermediate timer or message catch events; '{flow.Target.Id}' is not one.");
            }
            else if (target.Incoming.Count > 1)
            {
                session.Problem(target.Id, "An event after an event-based gateway may have no other incoming flows.");
            }
        }
    }

    private void CheckActivityConditions(FlowNode node)
    {
        if (node.DefaultFlow?.Condition is not null)
        {
            session.Problem(node.DefaultFlow.Id, "The default flow may not have a condition.");
        }

        if (node is not ActivityNode)
        {
            foreach (var flow in node.Outgoing.Where(f => f.Condition is not null))
            {
                session.Problem(flow.Id, "Only flows leaving a gateway or an activity may have conditions.");
            }
        }
    }

    private void CheckProcessStart(ScopeModel scope, string key)
    {
        var starts = scope.StartEvents.ToList();
        if (starts.Count == 0 && !Refused.HasStartEventIn(scope))
        {
            session.Problem(key, "The process has no start event.");
        }

        if (starts.Count(s => s.Trigger is null) > 1)
        {
            session.Problem(key, "The process has more than one none start event; it could not tell which one to start at.");
        }

        foreach (var group in starts.Select(s => s.Trigger).OfType<MessageTrigger>().GroupBy(m => m.MessageName).Where(g => g.Count() > 1))
        {
            session.Problem(key, $"Two start events wait for the message '{group.Key}'.");
        }
    }

    /// <summary>Deadline anchors are known once every timer is read; a message may not move a deadline by setting one.</summary>
    private void CheckPayloadsAgainstAnchors(ProcessModel model)
    {
        foreach (var (elementId, declared) in session.Payloads)
        {
            foreach (var anchor in declared.Where(model.AnchorVariables.Contains))
            {
                session.Problem(elementId, $"vp:payload may not declare '{anchor}': a deadline counts from it (vp:anchor), and a message may not move a deadline.");
            }
        }
    }
}
