namespace Verkstallighet.Workflows.Definitions;

/// <summary>A process, embedded sub-process or event sub-process: the container its tokens live in.</summary>
public sealed class ScopeModel
{
    internal ScopeModel(string id, SubProcessNode? owner)
    {
        Id = id;
        Owner = owner;
    }

    public string Id { get; }

    /// <summary>The sub-process this scope belongs to, or null for the process itself.</summary>
    public SubProcessNode? Owner { get; }

    public List<FlowNode> Nodes { get; } = [];

    private Dictionary<string, FlowNode>? byId;
    private int indexedNodes;

    /// <summary>A node of this scope (not of nested ones) by id.</summary>
    public FlowNode? Node(string id)
    {
        // Rebuilt only when nodes were added: comparing with the dictionary's count would rebuild it on every call when
        // ids are duplicated (an invalid document), which made validation quadratic.
        if (byId is null || indexedNodes != Nodes.Count)
        {
            byId = Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            indexedNodes = Nodes.Count;
        }

        return byId.GetValueOrDefault(id);
    }

    public IEnumerable<StartEventNode> StartEvents => Nodes.OfType<StartEventNode>();

    public StartEventNode? NoneStartEvent => StartEvents.FirstOrDefault(s => s.Trigger is null);

    public IEnumerable<SubProcessNode> EventSubProcesses => Nodes.OfType<SubProcessNode>().Where(s => s.TriggeredByEvent);
}
