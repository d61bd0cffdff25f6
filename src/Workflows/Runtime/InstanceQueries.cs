using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>An instance as the API shows it: where its tokens wait, its variables, tasks, timers and incidents.</summary>
public sealed record InstanceView(
    WorkflowInstance Instance,
    JsonObject Variables,
    IReadOnlyList<string> WaitingAt,
    IReadOnlyList<HumanTask> OpenTasks,
    IReadOnlyList<WorkflowTimer> PendingTimers,
    IReadOnlyList<Incident> OpenIncidents);

/// <summary>Read-only queries over instances and their journals.</summary>
public sealed class InstanceQueries(IDbContextFactory<WorkflowsDbContext> contexts)
{
    public async Task<InstanceView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Instance {id} does not exist.");
        var state = ExecutionState.Deserialize(instance.State);
        var waitingAt = state.Tokens
            .Where(t => t.Status is TokenStatus.Waiting or TokenStatus.Joining or TokenStatus.Incident)
            .Select(t => t.ElementId)
            .Distinct()
            .ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == HumanTaskStatus.Open).ToListAsync(cancellationToken);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == id && i.ResolvedAt == null).ToListAsync(cancellationToken);
        return new InstanceView(instance, JsonNode.Parse(instance.Variables) as JsonObject ?? [], waitingAt, tasks, timers, incidents);
    }

    public async Task<IReadOnlyList<WorkflowInstance>> ListAsync(string? definitionKey, string? correlationId, InstanceStatus? status, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Instances.AsNoTracking();
        if (definitionKey is not null)
        {
            query = query.Where(i => i.DefinitionKey == definitionKey);
        }

        if (correlationId is not null)
        {
            query = query.Where(i => i.CorrelationId == correlationId);
        }

        if (status is not null)
        {
            query = query.Where(i => i.Status == status);
        }

        return await query.OrderByDescending(i => i.StartedAt).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Instances.AnyAsync(i => i.Id == instanceId, cancellationToken))
        {
            throw new NotFoundException($"Instance {instanceId} does not exist.");
        }

        return await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync(cancellationToken);
    }
}
