using System.Text.Json.Nodes;
using Verkstallighet.Host.Api.Incidents;
using Verkstallighet.Host.Api.Tasks;

namespace Verkstallighet.Host.Api.Instances;

public sealed record InstanceDetails(
    InstanceSummary Instance,
    JsonObject Variables,
    IReadOnlyList<string> WaitingAt,
    IReadOnlyList<TaskSummary> OpenTasks,
    IReadOnlyList<TimerSummary> PendingTimers,
    IReadOnlyList<IncidentSummary> OpenIncidents);
