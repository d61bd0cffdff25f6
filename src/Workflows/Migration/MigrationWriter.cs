using System.Text.Json;
using NodaTime;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Json;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// Applies a plan to the tracked rows of its instance: the version and token state, bookmarks, timers (through
/// <see cref="WorkflowTimer"/>) and tasks, and one journal entry. Nothing is saved here; the caller saves every
/// instance of the migration in one transaction.
/// </summary>
internal static class MigrationWriter
{
    public static void Apply(WorkflowsDbContext db, InstanceMigrationPlan plan, WorkflowDefinition target, IReadOnlyDictionary<string, string?> mapping, Actor actor, Instant now)
    {
        var instance = plan.Instance;
        var from = instance.DefinitionVersion;
        foreach (var (tokenId, elementId) in plan.TokenTargets)
        {
            plan.State.Token(tokenId)!.ElementId = elementId;
        }

        foreach (var (scopeId, targetScope) in plan.ScopeTargets)
        {
            plan.State.Scope(scopeId)!.ScopeId = targetScope;
        }

        instance.State = plan.State.Serialize();
        instance.DefinitionId = target.Id;
        instance.DefinitionVersion = target.Version!.Value;
        instance.Revision++; // the concurrency token: a step that read the old revision is retried on the new version

        foreach (var move in plan.Bookmarks)
        {
            move.Bookmark.ElementId = move.ElementId;
            move.Bookmark.MessageName = move.MessageName;
            move.Bookmark.DueDate = move.DueDate;
        }

        foreach (var bookmark in plan.DroppedBookmarks)
        {
            instance.Bookmarks.Remove(bookmark);
            db.Remove(bookmark);
        }

        foreach (var (timer, elementId, recomputed) in plan.Timers)
        {
            timer.MigrateTo(elementId, target.Id, recomputed);
        }

        foreach (var timer in plan.CancelledTimers)
        {
            timer.Cancel(TimerCancellation.Migrated, now);
        }

        foreach (var (task, node, dueDate) in plan.Tasks)
        {
            task.MoveTo(node.Id, node.ActivityType, node.DisplayName, dueDate);
        }

        Journal(db, plan, target, from, mapping, actor, now);
    }

    /// <summary>One entry per instance: both versions, the request's mapping and what moved, and who migrated it.</summary>
    private static void Journal(WorkflowsDbContext db, InstanceMigrationPlan plan, WorkflowDefinition target, int from, IReadOnlyDictionary<string, string?> mapping, Actor actor, Instant now)
    {
        var report = plan.Report();
        db.Journal.Add(new JournalEntry
        {
            InstanceId = plan.Instance.Id,
            At = now,
            Kind = JournalKinds.InstanceMigrated,
            Actor = actor.UserId,
            Data = JsonSerializer.Serialize(new
            {
                definition = target.Key,
                fromVersion = from,
                toVersion = target.Version,
                mapping,
                moves = report.Moves,
                timers = report.Timers,
                tasks = report.Tasks,
                dropped = report.Dropped,
            }, WorkflowJson.Options),
        });
    }
}
