namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// The elements refused while reading, and the flows that could not be linked, so that what only follows from them
/// is not reported again: a flow to or from a refused element, a node unreachable because its incoming flow was
/// refused, a scope without a start event because its start event was refused. The refusal is the one problem that
/// names the element.
/// </summary>
internal sealed class RefusedElements
{
    private readonly Dictionary<string, ScopeModel> scopeById = new(StringComparer.Ordinal);
    private readonly HashSet<ScopeModel> scopesWithRefusedStart = [];
    private readonly HashSet<FlowNode> withUnlinkedIncoming = [];
    private readonly Dictionary<FlowNode, int> unlinkedOutgoing = [];

    /// <summary>Records a refused element of <paramref name="scope"/>; its problem has been reported.</summary>
    public void Add(string localName, string? id, ScopeModel scope)
    {
        if (!string.IsNullOrWhiteSpace(id))
        {
            scopeById.TryAdd(id, scope);
        }

        if (localName == "startEvent")
        {
            scopesWithRefusedStart.Add(scope);
        }
    }

    /// <summary>The scope of the refused element with this id, or null when no element with it was refused.</summary>
    public ScopeModel? ScopeOf(string id) => scopeById.GetValueOrDefault(id);

    public bool HasStartEventIn(ScopeModel scope) => scopesWithRefusedStart.Contains(scope);

    /// <summary>A flow into <paramref name="target"/> was not linked, and its problem is named.</summary>
    public void UnlinkedFlowInto(FlowNode target) => withUnlinkedIncoming.Add(target);

    /// <summary>A flow out of <paramref name="source"/> was not linked, and its problem is named.</summary>
    public void UnlinkedFlowOutOf(FlowNode source) => unlinkedOutgoing[source] = UnlinkedOutgoing(source) + 1;

    public bool HasUnlinkedIncoming(FlowNode node) => withUnlinkedIncoming.Contains(node);

    public int UnlinkedOutgoing(FlowNode node) => unlinkedOutgoing.GetValueOrDefault(node);
}
