using NodaTime;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>The instance's open incidents during a step: raised when an element fails, resolved by retry or cancellation.</summary>
internal sealed class StepIncidents(WorkflowsDbContext db, Guid instanceId, List<Incident> open, StepJournal journal, Actor actor, Instant now)
{
    public int OpenCount => open.Count(i => i.ResolvedAt is null);

    /// <summary>Stops a token (or, without one, an event sub-process's subscription) at <paramref name="node"/> with a message.</summary>
    public void Raise(Token? token, FlowNode node, string message, bool leaving, string? scopeInstanceId = null)
    {
        if (token is not null)
        {
            token.Status = TokenStatus.Incident;
            token.FailedLeaving = leaving;
        }

        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            InstanceId = instanceId,
            ElementId = node.Id,
            TokenId = token?.Id,
            ScopeInstanceId = scopeInstanceId,
            Message = message,
            CreatedAt = now,
        };
        open.Add(incident);
        db.Incidents.Add(incident);
        journal.Write(JournalKinds.IncidentRaised, node.Id, new { incidentId = incident.Id, message });
    }

    public void Resolve(Incident incident)
    {
        incident.ResolvedAt = now;
        incident.ResolvedBy = actor.UserId;
        journal.Write(JournalKinds.IncidentResolved, incident.ElementId, new { incidentId = incident.Id });
    }

    /// <summary>Resolves the incidents of a token that is cancelled: nothing is left to retry.</summary>
    public void ResolveOf(Token token)
    {
        foreach (var incident in open.Where(i => i.TokenId == token.Id && i.ResolvedAt is null))
        {
            Resolve(incident);
        }
    }

    public void ResolveAll()
    {
        foreach (var incident in open.Where(i => i.ResolvedAt is null))
        {
            Resolve(incident);
        }
    }
}
