using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>The queries of every step, compiled once: they run thousands of times a second under load.</summary>
internal static class CompiledQueries
{
    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<WorkflowInstance?>> InstanceWithBookmarks =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) =>
            db.Instances.Include(i => i.Bookmarks).FirstOrDefault(i => i.Id == id));

    /// <summary>A task and, in the same round trip, its instance with the instance's bookmarks.</summary>
    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<TaskWithInstance?>> TaskWithInstance =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) =>
            db.Tasks.Where(t => t.Id == id)
                .LeftJoin(db.Instances, t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, Instance = i })
                .Select(x => new TaskWithInstance(x.Task, x.Instance, db.Bookmarks.Where(b => b.InstanceId == x.Task.InstanceId).ToList()))
                .FirstOrDefault());

    /// <summary>A timer and, in the same round trip, its instance (none for a start timer) with the instance's bookmarks.</summary>
    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<TimerWithInstance?>> TimerWithInstance =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) =>
            db.Timers.Where(t => t.Id == id)
                .LeftJoin(db.Instances, t => t.InstanceId, i => (Guid?)i.Id, (t, i) => new { Timer = t, Instance = i })
                .Select(x => new TimerWithInstance(x.Timer, x.Instance, db.Bookmarks.Where(b => b.InstanceId == x.Timer.InstanceId).ToList()))
                .FirstOrDefault());

    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<WorkflowTimer?>> Timer =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) => db.Timers.FirstOrDefault(t => t.Id == id));

    public static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<WorkflowDefinition?>> LatestPublished =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string key, CancellationToken _) =>
            db.Definitions.AsNoTracking()
                .Where(d => d.Key == key && d.Status == DefinitionStatus.Published)
                .OrderByDescending(d => d.Version)
                .FirstOrDefault());
}

// The bookmarks are tracked, so the change tracker also puts them in the instance's Bookmarks.
internal sealed record TaskWithInstance(HumanTask Task, WorkflowInstance? Instance, List<Bookmark> Bookmarks);

internal sealed record TimerWithInstance(WorkflowTimer Timer, WorkflowInstance? Instance, List<Bookmark> Bookmarks);
