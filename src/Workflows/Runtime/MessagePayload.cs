using System.Text.Json.Nodes;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>What a message's payload may set: the variables its catching event declares (<c>vp:payload</c>), and nothing else.</summary>
internal static class MessagePayload
{
    public static MessageTrigger TriggerOf(FlowNode node) => node switch
    {
        StartEventNode { Trigger: MessageTrigger m } => m,
        IntermediateCatchEventNode { Trigger: MessageTrigger m } => m,
        BoundaryEventNode { Trigger: MessageTrigger m } => m,
        _ => throw new InvalidOperationException($"Element '{node.Id}' is not a message event."),
    };

    /// <summary>
    /// 400 naming the fields that no catching event declares, and those that would set a routing, identity or anchor
    /// variable (a published model cannot declare those, but a stored one is checked again here).
    /// </summary>
    public static void EnsureDeclared(JsonObject? payload, IEnumerable<MessageTrigger> catching, string messageName, IReadOnlySet<string> protectedVariables, IReadOnlySet<string> anchors)
    {
        if (payload is null || payload.Count == 0)
        {
            return;
        }

        var triggers = catching.ToList();
        var fields = payload.Select(p => p.Key).ToList();
        var guarded = fields.Where(f => protectedVariables.Contains(f) || anchors.Contains(f)).ToList();
        if (guarded.Count > 0)
        {
            throw new BadRequestException(
                $"The payload of '{messageName}' may not set {Names(guarded)}: routing and identity variables and the dates deadlines count from are set only by the workflow itself.");
        }

        var undeclared = fields.Where(f => !triggers.Any(t => t.Payload.Contains(f))).ToList();
        if (undeclared.Count > 0)
        {
            var declared = triggers.SelectMany(t => t.Payload).Distinct().ToList();
            throw new BadRequestException(
                $"The payload of '{messageName}' has fields that the waiting event does not declare: {Names(undeclared)}. " +
                (declared.Count == 0 ? "It declares none (vp:payload)." : $"It declares {Names(declared)} (vp:payload)."));
        }
    }

    /// <summary>The part of the payload that <paramref name="trigger"/> declares.</summary>
    public static JsonObject? Declared(JsonObject? payload, MessageTrigger trigger)
    {
        if (payload is null)
        {
            return null;
        }

        var declared = new JsonObject();
        foreach (var (name, value) in payload)
        {
            if (trigger.Payload.Contains(name))
            {
                declared[name] = value?.DeepClone();
            }
        }

        return declared;
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
