namespace Verkstallighet.Workflows.Tests.Support;

/// <summary>A real BPMN file after some mutations; its text names the file and the mutations, so a failing case can be read.</summary>
public sealed record MutatedBpmn(string SeedFile, IReadOnlyList<string> Mutations, string Xml)
{
    public override string ToString() => $"{SeedFile} after {string.Join(", ", Mutations)} ({Xml.Length} chars)";
}
