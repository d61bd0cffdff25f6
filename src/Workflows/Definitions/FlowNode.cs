namespace Verkstallighet.Workflows.Definitions;

public abstract class FlowNode
{
    protected FlowNode(string id, string? name, ScopeModel scope)
    {
        Id = id;
        Name = name;
        Scope = scope;
    }

    public string Id { get; }

    public string? Name { get; }

    public ScopeModel Scope { get; }

    public List<SequenceFlow> Incoming { get; } = [];

    /// <summary>Outgoing flows in document order, which is the order conditions are evaluated in.</summary>
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>The flow taken when no condition is true (gateways and activities).</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;
}
