using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>Read-only queries over instances and their journals.</summary>
public sealed class InstanceQueries(IDbContextFactory<WorkflowsDbContext> contexts)
{
    public async Task<InstanceView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Instance {id} does not exist.");
        var state = ExecutionState.Deserialize(instance.State);
        var waitingAt = state.WaitingTokens
            .Select(t => t.ElementId)
            .Distinct()
            .ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == HumanTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == id && i.ResolvedAt == null).ToListAsync(cancellationToken);
        return new InstanceView(instance, JsonNode.Parse(instance.Variables) as JsonObject ?? [], waitingAt, tasks, timers, incidents);
    }

    /// <summary>How many instances run on each stored version (by definition id); versions with none are absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> RunningCountsByDefinitionAsync(string? key = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var running = db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Running);
        if (key is not null)
        {
            running = running.Where(i => i.DefinitionKey == key);
        }

        return await running.GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public async Task<IReadOnlyList<HumanTask>> OpenTasksAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == HumanTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
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

    /// <summary>The instance's deadlines, with their status as of <paramref name="today"/>.</summary>
    public async Task<IReadOnlyList<DeadlineView>> DeadlinesAsync(Guid instanceId, NodaTime.LocalDate today, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timers.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.DeadlineRuleKey != null && t.DueDate != null)
            .GroupJoin(db.DeadlineRules, t => new { Key = t.DeadlineRuleKey!, Version = t.DeadlineRuleVersion!.Value }, r => new { r.Key, r.Version }, (t, r) => new { Timer = t, Rules = r })
            .SelectMany(x => x.Rules.DefaultIfEmpty(), (x, r) => new { x.Timer, Rule = r })
            .OrderBy(x => x.Timer.DueDate).ThenBy(x => x.Timer.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new DeadlineView(
            x.Timer.Id, x.Timer.ElementId, x.Timer.DeadlineRuleKey!, x.Timer.DeadlineRuleVersion, x.Rule?.LegalReference, x.Rule?.Description,
            x.Timer.AnchorVariable, x.Timer.AnchorDate, x.Timer.DueDate!.Value, StatusOf(x.Timer, today), x.Timer.WaivedBy, x.Timer.WaiverReason)).ToList();
    }

    private static DeadlineStatus StatusOf(WorkflowTimer timer, NodaTime.LocalDate today) => timer.Status switch
    {
        _ when timer.IsWaived => DeadlineStatus.Waived,
        TimerStatus.Fired => timer.ResolvedBecause switch
        {
            null => DeadlineStatus.Overdue,
            TimerCancellation.ActivityCompleted => DeadlineStatus.MetLate,
            _ => DeadlineStatus.Cancelled,
        },
        TimerStatus.Pending => today > timer.DueDate ? DeadlineStatus.Overdue : DeadlineStatus.Pending,
        _ => timer.CancelledBecause switch
        {
            TimerCancellation.ActivityCompleted => DeadlineStatus.Met,
            _ => DeadlineStatus.Cancelled,
        },
    };

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
