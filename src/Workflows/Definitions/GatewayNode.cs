namespace Verkstallighet.Workflows.Definitions;

public sealed class GatewayNode(string id, string? name, ScopeModel scope, GatewayKind kind) : FlowNode(id, name, scope)
{
    public GatewayKind Kind { get; } = kind;
}
