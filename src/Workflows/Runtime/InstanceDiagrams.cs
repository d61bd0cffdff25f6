using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The diagram of an instance: the document of the version the instance runs on (not the latest), and the elements
/// where its tokens wait. Reading it is reading the instance: the same office rule, and the read is recorded.
/// </summary>
public sealed class InstanceDiagrams(IDbContextFactory<WorkflowsDbContext> contexts, ProcessModelCache models, InstanceAccess access)
{
    public async Task<InstanceDiagram> GetAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var instance = await db.Instances.AsNoTracking()
            .Where(i => i.Id == instanceId)
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionKey, i.DefinitionVersion, i.Office, i.Status, i.State })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Instance {instanceId} does not exist.");
        await access.EnsureCanReadAsync(instanceId, instance.Office, actor, "instance diagram", cancellationToken);

        var definition = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == instance.DefinitionId, cancellationToken)
            ?? throw new NotFoundException($"The definition {instance.DefinitionKey} version {instance.DefinitionVersion} of instance {instanceId} does not exist.");
        var model = models.Get(definition);

        // A sub-process's own token waits for its child scope; the child's tokens say where the instance really waits.
        var waiting = WaitingNodes(ExecutionState.Deserialize(instance.State), model)
            .Select(node => new WaitingElement(node.Id, string.IsNullOrWhiteSpace(node.Name) ? node.Id : node.Name.Trim()))
            .ToList();

        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId && i.ResolvedAt == null).ToListAsync(cancellationToken);
        return new InstanceDiagram(instanceId, instance.DefinitionKey, instance.DefinitionVersion, model.Name, instance.Status, definition.Xml, waiting,
            PathTaken(journal, model, waiting), timers, incidents, journal);
    }

    /// <summary>The journal's kinds that say an element was passed: started from, completed, decided, fired, received.</summary>
    private static readonly HashSet<string> PathKinds =
    [
        JournalKinds.InstanceStarted, JournalKinds.ElementCompleted, JournalKinds.TaskCompleted,
        JournalKinds.GatewayDecided, JournalKinds.TimerFired, JournalKinds.MessageReceived,
    ];

    /// <summary>
    /// The elements completed so far that this version has (after a migration the earlier ones may have other ids),
    /// leaving out those where the instance waits again now (a loop back to a step).
    /// </summary>
    private static List<string> PathTaken(IEnumerable<JournalEntry> journal, ProcessModel model, IReadOnlyList<WaitingElement> waiting) =>
        journal.Where(j => PathKinds.Contains(j.Kind) && j.ElementId is not null)
            .Select(j => j.ElementId!)
            .Distinct(StringComparer.Ordinal)
            .Where(id => model.Nodes.ContainsKey(id) && waiting.All(w => w.Id != id))
            .ToList();

    /// <summary>The elements the instance waits at, as the diagram highlights them: the sub-processes' own tokens left out.</summary>
    internal static IEnumerable<FlowNode> WaitingNodes(ExecutionState state, ProcessModel model) =>
        state.WaitingTokens
            .Select(t => t.ElementId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => model.Nodes.TryGetValue(id, out var node) ? node : null)
            .OfType<FlowNode>()
            .Where(node => node is not SubProcessNode);
}
