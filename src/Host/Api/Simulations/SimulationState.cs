using NodaTime;
using Verkstallighet.Host.Api.Incidents;
using Verkstallighet.Host.Api.Instances;
using Verkstallighet.Host.Api.Tasks;
using Verkstallighet.Host.Simulation;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Simulation;

namespace Verkstallighet.Host.Api.Simulations;

/// <summary>
/// A simulation as the API shows it. <see cref="Now"/> and every time inside are simulated time. <see cref="Instance"/>
/// is shaped as <c>GET /api/instances/{id}</c> (open tasks carry their form schema, for sample input);
/// <see cref="LastAdvance"/> is set only on the answer to an advance and lists the timers it fired, at their due time.
/// </summary>
public sealed record SimulationState(
    Guid Id,
    string Owner,
    string DefinitionKey,
    int? DefinitionVersion,
    Guid CaseId,
    Instant Start,
    Instant CreatedAt,
    Instant Now,
    LocalDate Today,
    InstanceDetails Instance,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<JournalLine> Journal,
    SandboxAdvanceResult? LastAdvance)
{
    public static SimulationState From(SimulationSnapshot s)
    {
        var view = s.Instance;
        var instance = new InstanceDetails(
            InstanceSummary.From(view.Instance),
            view.Variables,
            view.WaitingAt,
            view.OpenTasks.Select(t => TaskSummary.From(t, s.TaskDueStatuses[t.Id], s.Activities.GetValueOrDefault(t.ActivityType), details: true)).ToList(),
            view.PendingTimers.Select(t => new TimerSummary(t.Id, t.ElementId, t.DueAt, t.DueDate, t.DeadlineRuleKey, t.AnchorVariable, t.AnchorDate)).ToList(),
            view.OpenIncidents.Select(IncidentSummary.From).ToList());
        var record = s.Simulation;
        return new SimulationState(
            record.Id, record.Owner, record.DefinitionKey, record.DefinitionVersion, record.CaseId, record.Start, record.CreatedAt,
            s.Now, s.Today, instance, s.Deadlines, s.Journal.Select(JournalLine.From).ToList(), s.LastAdvance);
    }
}
