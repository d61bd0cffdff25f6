using System.Text.Json.Nodes;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>An instance as the API shows it: where its tokens wait, its variables, tasks, timers and incidents.</summary>
public sealed record InstanceView(
    WorkflowInstance Instance,
    JsonObject Variables,
    IReadOnlyList<string> WaitingAt,
    IReadOnlyList<HumanTask> OpenTasks,
    IReadOnlyList<WorkflowTimer> PendingTimers,
    IReadOnlyList<Incident> OpenIncidents);
