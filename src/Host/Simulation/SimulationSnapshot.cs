using NodaTime;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Simulation;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Simulation;

/// <summary>
/// What a simulation looks like now, read from its own engine: the simulated time, its instance (waiting elements,
/// open tasks, pending timers, incidents), the deadlines with their status, and the journal in simulated time.
/// <see cref="LastAdvance"/> is set on the answer to an advance.
/// </summary>
public sealed record SimulationSnapshot(
    SimulationRecord Simulation,
    Instant Now,
    LocalDate Today,
    InstanceView Instance,
    IReadOnlyDictionary<Guid, TaskDueStatus> TaskDueStatuses,
    IReadOnlyDictionary<string, ActivityDescriptor> Activities,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<JournalEntry> Journal,
    SandboxAdvanceResult? LastAdvance = null);
