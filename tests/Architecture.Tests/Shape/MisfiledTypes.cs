namespace Verkstallighet.Architecture.Tests.Shape;

/// <summary>A file and the top-level types it declares, comma-separated, when they break one type per file.</summary>
public sealed record MisfiledTypes(string Path, string Types)
{
    public override string ToString() =>
        Types.Length == 0 ? $"{Path}: declares no type" : $"{Path}: declares {Types}";
}
