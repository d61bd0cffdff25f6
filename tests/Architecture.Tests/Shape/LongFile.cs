namespace Verkstallighet.Architecture.Tests.Shape;

public sealed record LongFile(string Path, int Lines)
{
    public override string ToString() => $"{Path}: {Lines} lines";
}
