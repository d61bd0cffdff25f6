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

    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<HumanTask?>> Task =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) => db.Tasks.FirstOrDefault(t => t.Id == id));

    public static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<WorkflowTimer?>> Timer =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) => db.Timers.FirstOrDefault(t => t.Id == id));

    public static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<WorkflowDefinition?>> LatestPublished =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string key, CancellationToken _) =>
            db.Definitions.AsNoTracking()
                .Where(d => d.Key == key && d.Status == DefinitionStatus.Published)
                .OrderByDescending(d => d.Version)
                .FirstOrDefault());
}
