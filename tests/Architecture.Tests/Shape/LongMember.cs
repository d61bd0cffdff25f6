namespace Verkstallighet.Architecture.Tests.Shape;

public sealed record LongMember(string Path, int Line, string Name, int Lines)
{
    public override string ToString() => $"{Path}:{Line} {Name}: {Lines} lines";
}
