namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>Namespace <see cref="From"/> uses a type of <see cref="To"/>; one example of where.</summary>
public sealed record NamespaceDependency(string From, string To, string Path, int Line, string Identifier)
{
    public override string ToString() => $"{From} -> {To} ({Path}:{Line} uses {Identifier})";
}
