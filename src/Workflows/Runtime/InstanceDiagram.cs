using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// What a viewer needs to draw an instance: its own definition version's BPMN document, where it waits, the path it
/// has taken (elements completed on this version), its pending timers, open incidents and its journal.
/// </summary>
public sealed record InstanceDiagram(
    Guid InstanceId,
    string DefinitionKey,
    int DefinitionVersion,
    string? ProcessName,
    InstanceStatus Status,
    string Xml,
    IReadOnlyList<WaitingElement> WaitingAt,
    IReadOnlyList<string> Completed,
    IReadOnlyList<WorkflowTimer> PendingTimers,
    IReadOnlyList<Incident> OpenIncidents,
    IReadOnlyList<JournalEntry> Journal);
