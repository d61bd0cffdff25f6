using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Json;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// Incidents of timers whose fire jobs kept failing: raised by the sweep instead of trying forever, and retried by arming
/// the timer again, so the sweep counts its attempts afresh.
/// </summary>
internal static class TimerIncidents
{
    /// <summary>Records an incident for the timer's instance, once: a timer with an open incident gets no second one.</summary>
    public static async Task RaiseAsync(WorkflowsDbContext db, Guid timerId, string message, Instant now, CancellationToken cancellationToken)
    {
        var timer = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == timerId, cancellationToken);
        if (timer?.InstanceId is null || await db.Incidents.AnyAsync(i => i.TimerId == timerId && i.ResolvedAt == null, cancellationToken))
        {
            return; // a start timer has no instance to stop; an open incident is not raised twice
        }

        var instance = await db.Instances.FirstAsync(i => i.Id == timer.InstanceId, cancellationToken);
        db.Incidents.Add(new Incident
        {
            Id = Guid.CreateVersion7(),
            InstanceId = instance.Id,
            ElementId = timer.ElementId,
            TimerId = timer.Id,
            Message = message,
            CreatedAt = now,
        });
        db.Journal.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            At = now,
            Kind = JournalKinds.IncidentRaised,
            ElementId = timer.ElementId,
            Actor = Actor.System.UserId,
            Data = JsonSerializer.Serialize(new { timerId, message }, WorkflowJson.Options),
        });
        instance.OpenIncidents++;
        instance.Revision++;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Resolves the incident and, while the timer is pending, arms it again with its lease released.</summary>
    public static async Task<StepResult> RetryAsync(WorkflowsDbContext db, Incident incident, Actor actor, ITimerLeases leases, Instant now, CancellationToken cancellationToken)
    {
        var tracked = await db.Incidents.FirstAsync(i => i.Id == incident.Id, cancellationToken);
        tracked.ResolvedAt = now;
        tracked.ResolvedBy = actor.UserId;
        var instance = await db.Instances.FirstAsync(i => i.Id == incident.InstanceId, cancellationToken);
        instance.OpenIncidents = Math.Max(0, instance.OpenIncidents - 1);
        instance.Revision++;
        var timer = await db.Timers.FirstAsync(t => t.Id == incident.TimerId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (timer.Status == TimerStatus.Pending)
        {
            // A new version, whose attempts the sweep counts afresh; a job still queued for the old one is stale.
            timer.Rearm();
            await leases.ReleaseAsync(db, timer.Id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StepResult(instance.Id, instance.Status, []);
    }
}
