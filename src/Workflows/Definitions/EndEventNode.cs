namespace Verkstallighet.Workflows.Definitions;

public sealed class EndEventNode(string id, string? name, ScopeModel scope, bool terminate) : FlowNode(id, name, scope)
{
    public bool Terminate { get; } = terminate;
}
