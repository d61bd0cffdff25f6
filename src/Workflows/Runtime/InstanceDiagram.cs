namespace Verkstallighet.Workflows.Runtime;

/// <summary>What a viewer needs to draw an instance: its own definition version's BPMN document and where it waits.</summary>
public sealed record InstanceDiagram(
    Guid InstanceId,
    string DefinitionKey,
    int DefinitionVersion,
    string? ProcessName,
    InstanceStatus Status,
    string Xml,
    IReadOnlyList<WaitingElement> WaitingAt);
