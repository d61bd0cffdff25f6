using System.Text.Json;
using NodaTime;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Json;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>The journal of one step: every entry carries the step's instance, time and actor, and is saved with the step.</summary>
internal sealed class StepJournal(WorkflowsDbContext db, Guid instanceId, Actor actor, Instant now)
{
    public void Write(string kind, string? elementId, object? data) =>
        db.Journal.Add(new JournalEntry
        {
            InstanceId = instanceId,
            At = now,
            Kind = kind,
            ElementId = elementId,
            Actor = actor.UserId,
            Data = data is null ? null : JsonSerializer.Serialize(data, WorkflowJson.Options),
        });
}
