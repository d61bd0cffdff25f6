using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The queries of every step, compiled once: they run thousands of times a second under load. They name their tables
/// with <c>Set&lt;T&gt;()</c>, which a compiled query can translate, not with the features' extension members.
/// </summary>
internal static class CompiledQueries
{
    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<WorkflowInstance?>> InstanceWithBookmarks =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) =>
            db.Set<WorkflowInstance>().Include(i => i.Bookmarks).FirstOrDefault(i => i.Id == id));

    /// <summary>A task and, in the same round trip, its instance with the instance's bookmarks.</summary>
    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<TaskWithInstance?>> TaskWithInstance =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) =>
            db.Set<HumanTask>().Where(t => t.Id == id)
                .LeftJoin(db.Set<WorkflowInstance>(), t => t.InstanceId, i => i.Id, (t, i) => new { Task = t, Instance = i })
                .Select(x => new TaskWithInstance(x.Task, x.Instance, db.Set<Bookmark>().Where(b => b.InstanceId == x.Task.InstanceId).ToList()))
                .FirstOrDefault());

    /// <summary>A timer and, in the same round trip, its instance (none for a start timer) with the instance's bookmarks.</summary>
    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<TimerWithInstance?>> TimerWithInstance =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) =>
            db.Set<WorkflowTimer>().Where(t => t.Id == id)
                .LeftJoin(db.Set<WorkflowInstance>(), t => t.InstanceId, i => (Guid?)i.Id, (t, i) => new { Timer = t, Instance = i })
                .Select(x => new TimerWithInstance(x.Timer, x.Instance, db.Set<Bookmark>().Where(b => b.InstanceId == x.Timer.InstanceId).ToList()))
                .FirstOrDefault());

    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<WorkflowTimer?>> Timer =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) => db.Set<WorkflowTimer>().FirstOrDefault(t => t.Id == id));

    public static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<WorkflowDefinition?>> LatestPublished =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string key, CancellationToken _) =>
            db.Set<WorkflowDefinition>().AsNoTracking()
                .Where(d => d.Key == key && d.Status == DefinitionStatus.Published)
                .OrderByDescending(d => d.Version)
                .FirstOrDefault());
}
