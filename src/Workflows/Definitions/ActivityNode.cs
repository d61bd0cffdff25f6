namespace Verkstallighet.Workflows.Definitions;

/// <summary>A task or sub-process: something that can carry boundary events.</summary>
public abstract class ActivityNode(string id, string? name, ScopeModel scope) : FlowNode(id, name, scope)
{
    public List<BoundaryEventNode> BoundaryEvents { get; } = [];
}
