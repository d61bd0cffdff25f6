namespace Verkstallighet.Workflows.Definitions;

public sealed class IntermediateCatchEventNode(string id, string? name, ScopeModel scope, EventTrigger trigger)
    : FlowNode(id, name, scope)
{
    public EventTrigger Trigger { get; } = trigger;
}
