namespace Verkstallighet.Workflows.Runtime;

/// <summary>An element of a process where an instance waits, with the name the diagram shows (the id when it has none).</summary>
public sealed record WaitingElement(string Id, string Name);
