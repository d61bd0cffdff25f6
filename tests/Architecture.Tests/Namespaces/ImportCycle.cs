namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>Namespaces that reach each other (a strongly connected component), with the uses between them.</summary>
public sealed record ImportCycle(IReadOnlyList<string> Namespaces, IReadOnlyList<NamespaceDependency> Dependencies)
{
    public override string ToString() =>
        $"Cycle between {string.Join(", ", Namespaces)}:\n  " + string.Join("\n  ", Dependencies);
}
