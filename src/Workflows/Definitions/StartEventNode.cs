namespace Verkstallighet.Workflows.Definitions;

public sealed class StartEventNode(string id, string? name, ScopeModel scope, EventTrigger? trigger, bool isInterrupting)
    : FlowNode(id, name, scope)
{
    /// <summary>Null for a none start event.</summary>
    public EventTrigger? Trigger { get; } = trigger;

    /// <summary>Only meaningful for the start event of an event sub-process.</summary>
    public bool IsInterrupting { get; } = isInterrupting;
}
