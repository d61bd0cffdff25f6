using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// Where a migration may move what waits. A token moves only to an element that waits the same way, so that what
/// resumes it (a task's completion, a timer, a message, a child scope ending, the other arrivals of a join) still
/// does: a user or plain task to a user or plain task; a timer catch event to a timer catch event and a message one to
/// a message one; an embedded sub-process to an embedded sub-process, an event sub-process to an event sub-process; an
/// event-based gateway to an event-based gateway; a token at a parallel join to a parallel gateway that has the flow
/// it arrived by. A subscription moves to an event of the same trigger kind (timer or message).
/// </summary>
internal static class WaitCompatibility
{
    /// <summary>Why a token waiting at <paramref name="source"/> cannot wait at <paramref name="target"/>, or null when it can.</summary>
    public static string? TokenRefusal(FlowNode source, FlowNode target, Token token)
    {
        var same = (source, target) switch
        {
            (TaskNode, TaskNode { Kind: TaskKind.User or TaskKind.Plain }) => true,
            (IntermediateCatchEventNode s, IntermediateCatchEventNode t) => SameTriggerKind(s.Trigger, t.Trigger),
            (SubProcessNode s, SubProcessNode t) => s.TriggeredByEvent == t.TriggeredByEvent,
            (GatewayNode { Kind: GatewayKind.EventBased }, GatewayNode { Kind: GatewayKind.EventBased }) => true,
            (GatewayNode { Kind: GatewayKind.Parallel }, GatewayNode { Kind: GatewayKind.Parallel } join) =>
                token.ArrivedVia is null || join.Incoming.Exists(f => f.Id == token.ArrivedVia),
            _ => false,
        };
        if (same)
        {
            return null;
        }

        return source is GatewayNode { Kind: GatewayKind.Parallel } && target is GatewayNode { Kind: GatewayKind.Parallel }
            ? $"A token waits at the join '{source.Id}' for the flow '{token.ArrivedVia}', which '{target.Id}' has no incoming flow of that id for."
            : $"The instance waits at the {Describe(source)} '{source.Id}'; '{target.Id}' ({Describe(target)}) cannot wait the same way.";
    }

    public static bool SameTriggerKind(EventTrigger? a, EventTrigger? b) =>
        (a, b) is (TimerTrigger, TimerTrigger) or (MessageTrigger, MessageTrigger);

    public static EventTrigger? TriggerOf(FlowNode node) => node switch
    {
        IntermediateCatchEventNode catchEvent => catchEvent.Trigger,
        BoundaryEventNode boundary => boundary.Trigger,
        StartEventNode start => start.Trigger,
        _ => null,
    };

    public static string Describe(FlowNode node) => node switch
    {
        TaskNode { Kind: TaskKind.User } => "user task",
        TaskNode { Kind: TaskKind.Plain } => "plain task",
        TaskNode => "service task",
        IntermediateCatchEventNode { Trigger: TimerTrigger } => "timer catch event",
        IntermediateCatchEventNode => "message catch event",
        BoundaryEventNode { Trigger: TimerTrigger } => "timer boundary event",
        BoundaryEventNode => "message boundary event",
        SubProcessNode { TriggeredByEvent: true } => "event sub-process",
        SubProcessNode => "sub-process",
        GatewayNode gateway => $"{gateway.Kind.ToString().ToLowerInvariant()} gateway",
        StartEventNode => "start event",
        EndEventNode => "end event",
        _ => "element",
    };
}
