namespace Verkstallighet.Workflows.Definitions;

/// <summary>The executable process of a BPMN document, parsed and validated. Immutable and shared between instances.</summary>
public sealed class ProcessModel
{
    internal ProcessModel(string key, string? name, ScopeModel root, IReadOnlyDictionary<string, FlowNode> nodes)
    {
        Key = key;
        Name = name;
        Root = root;
        Nodes = nodes;
    }

    /// <summary>The process id, which is the definition key.</summary>
    public string Key { get; }

    public string? Name { get; }

    public ScopeModel Root { get; }

    /// <summary>Every flow node of the process, nested ones included, by id.</summary>
    public IReadOnlyDictionary<string, FlowNode> Nodes { get; }

    public FlowNode Node(string id) =>
        Nodes.TryGetValue(id, out var node) ? node : throw new InvalidOperationException($"Element '{id}' is not in process '{Key}'.");

    public IEnumerable<StartEventNode> MessageStartEvents =>
        Root.StartEvents.Where(s => s.Trigger is MessageTrigger);

    /// <summary>The date variables that deadlines count from (<c>vp:anchor</c>): set by the workflow's owner, never by a message.</summary>
    public IReadOnlySet<string> AnchorVariables => anchorVariables ??= FindAnchorVariables();

    private IReadOnlySet<string>? anchorVariables;

    private IReadOnlySet<string> FindAnchorVariables() =>
        Nodes.Values.Select(n => n switch
            {
                StartEventNode { Trigger: TimerTrigger t } => t.Spec.AnchorVariable,
                IntermediateCatchEventNode { Trigger: TimerTrigger t } => t.Spec.AnchorVariable,
                BoundaryEventNode { Trigger: TimerTrigger t } => t.Spec.AnchorVariable,
                _ => null,
            })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    public IEnumerable<StartEventNode> TimerStartEvents =>
        Root.StartEvents.Where(s => s.Trigger is TimerTrigger);
}
