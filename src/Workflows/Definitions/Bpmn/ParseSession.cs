namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// What one parse has found so far, shared by its readers, the linker and the validator: the problems, the nodes kept
/// and those refused, and the references (flows, attachments, default flows, payloads) still to be resolved.
/// </summary>
internal sealed class ParseSession(IDefinitionEnvironment environment, ParseBudget budget)
{
    public IDefinitionEnvironment Environment { get; } = environment;

    public ParseBudget Budget { get; } = budget;

    public List<ValidationProblem> Problems { get; } = [];

    public RefusedElements Refused { get; } = new();

    /// <summary>Every kept flow node, nested ones included, by id: the one index flows and attachments are resolved through.</summary>
    public Dictionary<string, FlowNode> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Every scope read, the process first, each sub-process's body after it.</summary>
    public List<ScopeModel> Scopes { get; } = [];

    /// <summary>Message names by message id.</summary>
    public Dictionary<string, string> MessageNames { get; } = new(StringComparer.Ordinal);

    public List<SequenceFlowDeclaration> Flows { get; } = [];

    public List<BoundaryAttachment> Boundaries { get; } = [];

    /// <summary>The id a gateway's or activity's <c>default</c> attribute names.</summary>
    public Dictionary<FlowNode, string> DefaultFlowIds { get; } = [];

    /// <summary>The variables each message event lets its payload set, checked against the deadline anchors at the end.</summary>
    public List<(string ElementId, IReadOnlyList<string> Declared)> Payloads { get; } = [];

    public void Problem(string? elementId, string message) => Problems.Add(new ValidationProblem(elementId, message));

    /// <summary>Routing and identity variables, which only the code owning them sets.</summary>
    public bool IsProtectedVariable(string name) => Environment.IsProtectedVariable(name);
}
