namespace Verkstallighet.Architecture.Tests.Domain;

/// <summary>A place where engine code knows the domain.</summary>
public sealed record DomainReference(string Path, int Line, string What)
{
    public override string ToString() => $"{Path}:{Line} {What}";
}
