using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>Which namespaces of a set of files use types of which others, read from syntax.</summary>
public sealed class NamespaceGraph
{
    private NamespaceGraph(IReadOnlyCollection<string> namespaces, IReadOnlyList<NamespaceDependency> dependencies)
    {
        Namespaces = namespaces;
        Dependencies = dependencies;
    }

    public IReadOnlyCollection<string> Namespaces { get; }

    /// <summary>One dependency for each pair of namespaces, with the first use found as its example.</summary>
    public IReadOnlyList<NamespaceDependency> Dependencies { get; }

    public static NamespaceGraph Build(IReadOnlyList<SourceFile> files)
    {
        var types = new DeclaredTypes(files);
        var globalUsings = TypeUseBinder.PlainUsings(files
                .SelectMany(file => file.Root.Usings)
                .Where(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)))
            .Distinct()
            .ToList();
        var dependencies = files
            .SelectMany(file => new TypeUseBinder(file, types, globalUsings).Dependencies())
            .DistinctBy(dependency => (dependency.From, dependency.To))
            .ToList();
        return new NamespaceGraph(types.Namespaces, dependencies);
    }

    /// <summary>Every group of two or more namespaces that reach each other, with the uses that close it.</summary>
    public IReadOnlyList<ImportCycle> Cycles()
    {
        var successors = Dependencies
            .GroupBy(d => d.From)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(d => d.To).ToHashSet());
        return StronglyConnectedComponents.Find(Namespaces, successors)
            .Where(component => component.Count > 1)
            .Select(component => new ImportCycle(component, Dependencies
                .Where(d => component.Contains(d.From) && component.Contains(d.To))
                .OrderBy(d => d.From, StringComparer.Ordinal)
                .ThenBy(d => d.To, StringComparer.Ordinal)
                .ToList()))
            .ToList();
    }

    /// <summary>The pairs of namespaces that use each other directly, the shortest cycles, each once.</summary>
    public IReadOnlyList<(NamespaceDependency There, NamespaceDependency Back)> MutualDependencies()
    {
        var byPair = Dependencies.ToDictionary(d => (d.From, d.To));
        return Dependencies
            .Where(d => string.CompareOrdinal(d.From, d.To) < 0 && byPair.ContainsKey((d.To, d.From)))
            .OrderBy(d => d.From, StringComparer.Ordinal)
            .ThenBy(d => d.To, StringComparer.Ordinal)
            .Select(d => (d, byPair[(d.To, d.From)]))
            .ToList();
    }
}
