namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>Tarjan's algorithm: the groups of nodes of a directed graph that all reach each other.</summary>
public static class StronglyConnectedComponents
{
    public static IReadOnlyList<IReadOnlyList<string>> Find(
        IEnumerable<string> nodes, IReadOnlyDictionary<string, IReadOnlySet<string>> successors)
    {
        var search = new Search(successors);
        foreach (var node in nodes.Order(StringComparer.Ordinal))
        {
            if (!search.Visited(node))
            {
                search.Visit(node);
            }
        }
        return search.Components;
    }

    private sealed class Search(IReadOnlyDictionary<string, IReadOnlySet<string>> successors)
    {
        private readonly Dictionary<string, int> _index = new();
        private readonly Dictionary<string, int> _lowLink = new();
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = new();

        public List<IReadOnlyList<string>> Components { get; } = new();

        public bool Visited(string node) => _index.ContainsKey(node);

        // Recursive: a namespace graph has tens of nodes, far from any stack limit.
        public void Visit(string node)
        {
            var index = _index.Count;
            _index[node] = index;
            _lowLink[node] = index;
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var next in successors.GetValueOrDefault(node) ?? new HashSet<string>())
            {
                if (!Visited(next))
                {
                    Visit(next);
                    _lowLink[node] = Math.Min(_lowLink[node], _lowLink[next]);
                }
                else if (_onStack.Contains(next))
                {
                    _lowLink[node] = Math.Min(_lowLink[node], _index[next]);
                }
            }
            if (_lowLink[node] == _index[node])
            {
                Components.Add(PopComponent(node));
            }
        }

        private List<string> PopComponent(string root)
        {
            var component = new List<string>();
            string member;
            do
            {
                member = _stack.Pop();
                _onStack.Remove(member);
                component.Add(member);
            }
            while (member != root);
            component.Sort(StringComparer.Ordinal);
            return component;
        }
    }
}
