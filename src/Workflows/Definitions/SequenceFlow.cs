namespace Verkstallighet.Workflows.Definitions;

public sealed class SequenceFlow(string id, FlowNode source, FlowNode target, string? condition)
{
    public string Id { get; } = id;

    public FlowNode Source { get; } = source;

    public FlowNode Target { get; } = target;

    /// <summary>A JavaScript expression, or null for an unconditional flow.</summary>
    public string? Condition { get; } = condition;
}
