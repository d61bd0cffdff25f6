using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// The running instances of a source version a migration selects, optionally only those of given ids and those
/// waiting at given elements ("waiting at" as the instance diagram highlights it), with the timers and tasks it moves.
/// </summary>
internal static class MigrationSelection
{
    public static async Task<List<MigrationCandidate>> LoadAsync(
        WorkflowsDbContext db, WorkflowDefinition sourceDefinition, ProcessModel source, MigrationRequest request, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Instances.Include(i => i.Bookmarks).Where(i => i.DefinitionId == sourceDefinition.Id && i.Status == InstanceStatus.Running);
        if (request.InstanceIds is { Count: > 0 } ids)
        {
            query = query.Where(i => ids.Contains(i.Id));
        }

        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        var instances = await query.OrderBy(i => i.Id).Take(MigrationRequest.MaxInstances + 1).ToListAsync(cancellationToken);
        if (instances.Count > MigrationRequest.MaxInstances)
        {
            throw new BadRequestException($"The migration selects more than {MigrationRequest.MaxInstances} instances; narrow it by waitingAt or instanceIds.");
        }

        if (request.WaitingAt is { Count: > 0 } waitingAt)
        {
            var wanted = waitingAt.ToHashSet(StringComparer.Ordinal);
            instances = instances
                .Where(i => InstanceDiagrams.WaitingNodes(ExecutionState.Deserialize(i.State), source).Any(n => wanted.Contains(n.Id)))
                .ToList();
        }

        var selected = instances.Select(i => i.Id).ToList();
        var timers = db.Timers.Where(t => t.InstanceId != null && selected.Contains(t.InstanceId.Value)
            && (t.Status == TimerStatus.Pending || (t.Status == TimerStatus.Fired && t.DueDate != null && t.ResolvedAt == null)));
        var tasks = db.Tasks.Where(t => selected.Contains(t.InstanceId) && t.Status == HumanTaskStatus.Open);
        var timersByInstance = (await (tracked ? timers : timers.AsNoTracking()).ToListAsync(cancellationToken)).ToLookup(t => t.InstanceId!.Value);
        var tasksByInstance = (await (tracked ? tasks : tasks.AsNoTracking()).ToListAsync(cancellationToken)).ToLookup(t => t.InstanceId);
        return instances.Select(i => new MigrationCandidate(i, timersByInstance[i.Id].ToList(), tasksByInstance[i.Id].ToList())).ToList();
    }

    /// <summary>Why each instance the request names by id is not selected: it does not exist, has ended, or runs another workflow or version.</summary>
    public static async Task<List<MigrationProblem>> UnselectedAsync(
        WorkflowsDbContext db, MigrationRequest request, IReadOnlyCollection<MigrationCandidate> selected, CancellationToken cancellationToken)
    {
        var named = (request.InstanceIds ?? []).Distinct().Where(id => !selected.Any(c => c.Instance.Id == id)).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var found = await db.Instances.AsNoTracking().Where(i => named.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionKey, i.DefinitionVersion, i.Status, i.State })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        return named.Select(id => new MigrationProblem(id, null, found.GetValueOrDefault(id) switch
        {
            null => $"Instance {id} does not exist.",
            var i when i.DefinitionKey != request.DefinitionKey =>
                $"Instance {id} runs the workflow '{i.DefinitionKey}', not '{request.DefinitionKey}'; a migration stays within one workflow.",
            var i when i.DefinitionVersion != request.SourceVersion =>
                $"Instance {id} runs version {i.DefinitionVersion}, not version {request.SourceVersion}.",
            var i when i.Status != InstanceStatus.Running => $"Instance {id} has ended ({i.Status}).",
            _ => $"Instance {id} does not wait at any of {string.Join(", ", request.WaitingAt ?? [])}.",
        })).ToList();
    }
}
