using System.Xml.Linq;
using static Verkstallighet.Workflows.Definitions.BpmnVocabulary;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>Reads an event's definition: what it waits for (a message or a timer), or that it terminates.</summary>
internal sealed class EventDefinitionReader(ParseSession session)
{
    private readonly TimerDefinitionReader timers = new(session);

    /// <summary>
    /// Reads the event definition of <paramref name="element"/> into <paramref name="trigger"/>, which is null for a
    /// none (or terminate) event. False when the definition is refused; its problem is reported.
    /// </summary>
    public bool TryRead(XElement element, string id, bool allowTerminate, out EventTrigger? trigger)
    {
        trigger = null;
        if (element.Elements(Bpmn + "eventDefinitionRef").Any())
        {
            session.Problem(id, "Event definitions by reference (eventDefinitionRef) are not supported; define the event inline.");
            return false;
        }

        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            .Take(2)
            .ToList();
        if (definitions.Count == 0)
        {
            return true;
        }

        if (definitions.Count > 1)
        {
            session.Problem(id, "An event may have one event definition only.");
            return false;
        }

        var definition = definitions[0];
        switch (definition.Name.LocalName)
        {
            case "messageEventDefinition":
                trigger = ReadMessage(definition, id);
                return trigger is not null;
            case "timerEventDefinition":
                trigger = timers.Read(definition, id) is { } spec ? new TimerTrigger(spec) : null;
                return trigger is not null;
            case "terminateEventDefinition" when allowTerminate:
                return true;
            default:
                session.Problem(id, $"<{definition.Name.LocalName}> is not supported; events may be timer or message events (and terminate end events).");
                return false;
        }
    }

    private MessageTrigger? ReadMessage(XElement definition, string id)
    {
        var messageRef = (string?)definition.Attribute("messageRef");
        if (string.IsNullOrWhiteSpace(messageRef))
        {
            // The event's name is not used instead: it is a label, neither unique nor stable when someone rewords it.
            session.Problem(id, $"The message event '{(string?)definition.Parent?.Attribute("name") ?? id}' has no messageRef, so no message can be correlated to it; define a <message> and name it in messageRef.");
            return null;
        }

        messageRef = LocalId(messageRef);
        if (!session.MessageNames.TryGetValue(messageRef, out var messageName))
        {
            session.Problem(id, $"The message event refers to message '{messageRef}', which is not defined.");
            return null;
        }

        return new MessageTrigger(messageName, ReadPayload(definition, id), ReadReceivedOn(definition, id));
    }

    /// <summary>The variables a message's payload may set at this event: <c>vp:payload="a, b"</c> (commas or spaces).</summary>
    private List<string> ReadPayload(XElement definition, string id)
    {
        var declared = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal); // a list's Contains made a long payload quadratic
        var text = (string?)definition.Attribute(Vp + "payload");
        foreach (var name in (text ?? "").Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsVariableName(name))
            {
                session.Problem(id, $"vp:payload names '{name}', which is not a variable name.");
            }
            else if (session.IsProtectedVariable(name))
            {
                session.Problem(id, $"vp:payload may not declare '{name}': it routes or identifies the instance and only the code that owns it sets it.");
            }
            else if (seen.Add(name))
            {
                declared.Add(name);
            }
        }

        session.Payloads.Add((id, declared));
        return declared;
    }

    private string? ReadReceivedOn(XElement definition, string id)
    {
        var name = ((string?)definition.Attribute(Vp + "receivedOn"))?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (!IsVariableName(name) || session.IsProtectedVariable(name))
        {
            session.Problem(id, $"vp:receivedOn '{name}' must name a date variable of the workflow's own (not a routing or identity variable).");
            return null;
        }

        return name;
    }
}
