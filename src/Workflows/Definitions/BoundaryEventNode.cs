namespace Verkstallighet.Workflows.Definitions;

public sealed class BoundaryEventNode(string id, string? name, ScopeModel scope, EventTrigger trigger, bool cancelActivity)
    : FlowNode(id, name, scope)
{
    public EventTrigger Trigger { get; } = trigger;

    public bool CancelActivity { get; } = cancelActivity;

    public ActivityNode AttachedTo { get; internal set; } = null!;
}
