using System.Xml.Linq;
using Verkstallighet.Workflows.Expressions;
using static Verkstallighet.Workflows.Definitions.BpmnVocabulary;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Reads a process or sub-process: its flow nodes into a <see cref="ScopeModel"/>, and its sequence flows and boundary
/// attachments as declarations for <see cref="FlowLinker"/>. An element that cannot be read is refused, with one
/// problem, and left out of the model.
/// </summary>
internal sealed class ScopeReader(ParseSession session)
{
    private readonly TaskReader tasks = new(session);
    private readonly EventDefinitionReader events = new(session);
    private int depth;

    public ScopeModel Read(XElement container, string scopeId, SubProcessNode? owner)
    {
        var scope = new ScopeModel(scopeId, owner);
        session.Scopes.Add(scope);
        foreach (var element in container.Elements())
        {
            session.Budget.Check();
            if (element.Name.Namespace == Bpmn)
            {
                ReadElement(element, scope);
            }

            // Other tools' extensions are kept and ignored.
        }

        return scope;
    }

    private void ReadElement(XElement element, ScopeModel scope)
    {
        var local = element.Name.LocalName;
        var id = (string?)element.Attribute("id");
        if (local == "sequenceFlow")
        {
            ReadFlow(element, id, scope);
            return;
        }

        if (IgnoredFlowElements.Contains(local))
        {
            return;
        }

        if (UnsupportedFlowElements.TryGetValue(local, out var reason))
        {
            Refuse(local, id, scope, id, reason);
            return;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            Refuse(local, id, scope, null, $"A <{local}> in '{scope.Id}' has no id.");
            return;
        }

        if (IsTrue(element, "isForCompensation"))
        {
            // Refused rather than kept: a compensation handler has no incoming sequence flow, and is not unreachable for that.
            Refuse(local, id, scope, id, "Compensation is not supported.");
            return;
        }

        var node = ReadNode(element, local, id, scope);
        // A second node with a taken id is reported by the duplicate check; the first one keeps the id.
        if (node is null || !session.Nodes.TryAdd(id, node))
        {
            session.Refused.Add(local, id, scope);
            return;
        }

        scope.Nodes.Add(node);
        Remember(element, node);
    }

    private void Refuse(string local, string? id, ScopeModel scope, string? problemId, string message)
    {
        session.Problem(problemId, message);
        session.Refused.Add(local, id, scope);
    }

    /// <summary>What only the linker can resolve: a boundary event's activity and a default flow.</summary>
    private void Remember(XElement element, FlowNode node)
    {
        if (node is BoundaryEventNode boundary)
        {
            session.Boundaries.Add(new BoundaryAttachment(boundary, (string?)element.Attribute("attachedToRef")));
        }

        if (node is GatewayNode or ActivityNode && (string?)element.Attribute("default") is { } defaultFlowId)
        {
            session.DefaultFlowIds[node] = defaultFlowId;
        }
    }

    /// <summary>Reads a flow node; null when it is refused, its problem reported.</summary>
    private FlowNode? ReadNode(XElement element, string local, string id, ScopeModel scope)
    {
        var name = (string?)element.Attribute("name");
        CheckChildren(element, id);
        switch (local)
        {
            case "startEvent":
                // A start event whose definition is refused is refused with it, rather than read as a none start event.
                return events.TryRead(element, id, allowTerminate: false, out var startTrigger)
                    ? new StartEventNode(id, name, scope, startTrigger, IsNotFalse(element, "isInterrupting"))
                    : null;
            case "endEvent":
                return ReadEndEvent(element, id, name, scope);
            case "intermediateCatchEvent":
                return ReadTriggeredEvent(element, id, "An intermediate catch event needs a timer or message event definition.") is { } catchTrigger
                    ? new IntermediateCatchEventNode(id, name, scope, catchTrigger)
                    : null;
            case "boundaryEvent":
                return ReadTriggeredEvent(element, id, "A boundary event needs a timer or message event definition.") is { } boundaryTrigger
                    ? new BoundaryEventNode(id, name, scope, boundaryTrigger, IsNotFalse(element, "cancelActivity"))
                    : null;
            case "task" or "userTask" or "serviceTask":
                return tasks.Read(element, local, id, name, scope);
            case "exclusiveGateway":
                return new GatewayNode(id, name, scope, GatewayKind.Exclusive);
            case "parallelGateway":
                return new GatewayNode(id, name, scope, GatewayKind.Parallel);
            case "eventBasedGateway":
                if (IsTrue(element, "instantiate"))
                {
                    session.Problem(id, "Instantiating event-based gateways are not supported; use message or timer start events.");
                }

                return new GatewayNode(id, name, scope, GatewayKind.EventBased);
            case "subProcess":
                return ReadSubProcess(element, id, name, scope);
            default:
                session.Problem(id, $"<{local}> is not part of the supported BPMN subset.");
                return null;
        }
    }

    private EndEventNode ReadEndEvent(XElement element, string id, string? name, ScopeModel scope)
    {
        var terminate = element.Elements(Bpmn + "terminateEventDefinition").Any();
        if (events.TryRead(element, id, allowTerminate: true, out var trigger) && trigger is not null)
        {
            session.Problem(id, "End events may be none or terminate end events only.");
        }

        return new EndEventNode(id, name, scope, terminate);
    }

    /// <summary>The trigger of an event that must have one; null when it has none or it was refused, the problem reported.</summary>
    private EventTrigger? ReadTriggeredEvent(XElement element, string id, string withoutTrigger)
    {
        if (!events.TryRead(element, id, allowTerminate: false, out var trigger))
        {
            return null;
        }

        if (trigger is null)
        {
            session.Problem(id, withoutTrigger);
        }

        return trigger;
    }

    private void CheckChildren(XElement element, string id)
    {
        foreach (var child in element.Elements().Where(e => e.Name.Namespace == Bpmn))
        {
            if (child.Name.LocalName is "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics")
            {
                session.Problem(id, "Loops and multi-instance activities are not supported.");
            }
        }
    }

    private SubProcessNode? ReadSubProcess(XElement element, string id, string? name, ScopeModel scope)
    {
        if (depth >= BpmnParser.MaxNesting)
        {
            session.Problem(id, $"Sub-processes are nested more than {BpmnParser.MaxNesting} deep.");
            return null;
        }

        var node = new SubProcessNode(id, name, scope, IsTrue(element, "triggeredByEvent"));
        depth++;
        node.Body = Read(element, id, node);
        depth--;
        return node;
    }

    private void ReadFlow(XElement flow, string? id, ScopeModel scope)
    {
        var sourceRef = (string?)flow.Attribute("sourceRef");
        var targetRef = (string?)flow.Attribute("targetRef");
        if (string.IsNullOrWhiteSpace(id))
        {
            session.Problem(null, $"A sequence flow in '{scope.Id}' has no id.");
            session.Flows.Add(new SequenceFlowDeclaration(null, sourceRef, targetRef, null, scope));
            return;
        }

        session.Flows.Add(new SequenceFlowDeclaration(id, sourceRef, targetRef, ReadCondition(flow, id), scope));
    }

    /// <summary>The flow's JavaScript condition, or null for an unconditional (or empty) one.</summary>
    private string? ReadCondition(XElement flow, string id)
    {
        var conditionElement = flow.Element(Bpmn + "conditionExpression");
        if (conditionElement is null)
        {
            return null;
        }

        var condition = conditionElement.Value.Trim();
        var language = (string?)conditionElement.Attribute("language");
        // A stored version from before this check keeps its wrapped condition, which the sandbox unwraps.
        if (!session.Environment.IsPublishedVersion && (IsFeelOrJuel(condition) || (language is not null && IsFeelOrJuelLanguage(language))))
        {
            session.Problem(id, FeelOrJuelCondition);
            return condition.Length == 0 ? null : condition;
        }

        if (language is not null && !IsJavaScript(language))
        {
            // Kept as a condition, so the gateway's other checks still hold; not also checked as JavaScript, which it is not.
            session.Problem(id, $"The condition language '{language}' is not supported; conditions are JavaScript.");
            return condition.Length == 0 ? null : condition;
        }

        if (condition.Length == 0)
        {
            session.Problem(id, "The condition expression is empty.");
            return null;
        }

        if (ScriptSandbox.SyntaxError(condition) is { } syntax)
        {
            session.Problem(id, syntax);
        }

        return condition;
    }
}
