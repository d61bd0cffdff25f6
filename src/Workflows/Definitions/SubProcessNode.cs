namespace Verkstallighet.Workflows.Definitions;

public sealed class SubProcessNode(string id, string? name, ScopeModel scope, bool triggeredByEvent) : ActivityNode(id, name, scope)
{
    public bool TriggeredByEvent { get; } = triggeredByEvent;

    public ScopeModel Body { get; internal set; } = null!;

    /// <summary>For an event sub-process: its single triggered start event.</summary>
    public StartEventNode? TriggerStart => TriggeredByEvent ? Body.StartEvents.FirstOrDefault(s => s.Trigger is not null) : null;
}
