using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;

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

        return new InstanceDiagram(instanceId, instance.DefinitionKey, instance.DefinitionVersion, model.Name, instance.Status, definition.Xml, waiting);
    }

    /// <summary>The elements the instance waits at, as the diagram highlights them: the sub-processes' own tokens left out.</summary>
    internal static IEnumerable<FlowNode> WaitingNodes(ExecutionState state, ProcessModel model) =>
        state.WaitingTokens
            .Select(t => t.ElementId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => model.Nodes.TryGetValue(id, out var node) ? node : null)
            .OfType<FlowNode>()
            .Where(node => node is not SubProcessNode);
}
