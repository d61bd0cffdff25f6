using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// How every entry point of <see cref="WorkflowRuntime"/> runs a step: in a fresh context, retried from a fresh load
/// when it loses an optimistic-concurrency race; the instance loaded with its bookmarks, its model and the deadline
/// rules, so the step itself reads nothing more.
/// </summary>
internal sealed class StepRunner(
    IDbContextFactory<WorkflowsDbContext> contexts,
    ProcessModelCache models,
    StepServices services,
    DeadlineRuleStore rules,
    IClock clock,
    int maxAttempts,
    ILogger logger)
{
    public Task<LoadedInstance> LoadAsync(WorkflowsDbContext db, Guid instanceId, Actor actor, CancellationToken cancellationToken) =>
        LoadAsync(db, instanceId, actor, cancellationToken, mustBeRunning: true)!;

    /// <summary>Loads the instance with its bookmarks in one query, and its open incidents if it has any.</summary>
    public async Task<LoadedInstance?> LoadAsync(WorkflowsDbContext db, Guid instanceId, Actor actor, CancellationToken cancellationToken, bool mustBeRunning) =>
        await PrepareAsync(db, await CompiledQueries.InstanceWithBookmarks(db, instanceId, cancellationToken), instanceId, actor, cancellationToken, mustBeRunning);

    /// <summary>Makes a step for an instance loaded with its bookmarks, loading its open incidents if it has any.</summary>
    public async Task<LoadedInstance?> PrepareAsync(WorkflowsDbContext db, WorkflowInstance? instance, Guid instanceId, Actor actor, CancellationToken cancellationToken, bool mustBeRunning)
    {
        if (instance is null)
        {
            return mustBeRunning ? throw new NotFoundException($"Instance {instanceId} does not exist.") : null;
        }

        if (instance.Status != InstanceStatus.Running && mustBeRunning)
        {
            throw new ConflictException($"Instance {instanceId} has ended ({instance.Status}).");
        }

        var model = await ModelAsync(db, instance.DefinitionId, cancellationToken);
        var bookmarks = instance.Bookmarks.ToList();
        var incidents = instance.OpenIncidents > 0
            ? await db.Incidents.Where(i => i.InstanceId == instanceId && i.ResolvedAt == null).ToListAsync(cancellationToken)
            : [];
        var step = new InstanceStep(services, db, instance, model, bookmarks, incidents, await rules.BookAsync(cancellationToken), actor, clock.GetCurrentInstant());
        return new LoadedInstance(instance, model, step, bookmarks, incidents);
    }

    public async Task<ProcessModel> ModelAsync(WorkflowsDbContext db, Guid definitionId, CancellationToken cancellationToken)
    {
        if (models.TryGet(definitionId, out var cached))
        {
            return cached;
        }

        var xml = await db.Definitions.Where(d => d.Id == definitionId).Select(d => d.Xml).FirstAsync(cancellationToken);
        return models.Get(definitionId, xml);
    }

    public static async Task<WorkflowDefinition> LatestPublishedAsync(WorkflowsDbContext db, string key, CancellationToken cancellationToken) =>
        await CompiledQueries.LatestPublished(db, key, cancellationToken)
        ?? throw new NotFoundException($"Workflow '{key}' has no published version.");

    public async Task<StepResult> StartAtAsync(
        WorkflowsDbContext db,
        WorkflowDefinition definition,
        ProcessModel model,
        StartEventNode start,
        JsonObject? variables,
        string? correlationId,
        string? office,
        Actor actor,
        Func<StepTransaction, CancellationToken, Task>? alsoSave,
        CancellationToken cancellationToken,
        string? businessKey = null)
    {
        if (correlationId is { Length: > 200 })
        {
            throw new BadRequestException("The correlation id may be at most 200 characters.");
        }

        if (businessKey is { Length: > 200 })
        {
            throw new BadRequestException("The business key may be at most 200 characters.");
        }

        var now = clock.GetCurrentInstant();
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version!.Value,
            CorrelationId = correlationId,
            BusinessKey = businessKey,
            Office = office,
            Status = InstanceStatus.Running,
            StartedAt = now,
            StartedBy = actor.UserId,
        };
        db.Instances.Add(instance);
        var step = new InstanceStep(services, db, instance, model, [], [], await rules.BookAsync(cancellationToken), actor, now);
        if (alsoSave is not null)
        {
            step.AlsoSave(alsoSave);
        }

        await step.StartAsync(start, variables, cancellationToken);
        await step.SaveAsync(cancellationToken);
        return new StepResult(instance.Id, instance.Status, step.CreatedTasks.Select(t => t.Id).ToList());
    }

    public static StepResult Result(LoadedInstance loaded) =>
        new(loaded.Instance.Id, loaded.Instance.Status, loaded.Step.CreatedTasks.Select(t => t.Id).ToList());

    public async Task<T> WithRetryAsync<T>(Func<WorkflowsDbContext, Task<T>> attempt, string conflictMessage, CancellationToken cancellationToken)
    {
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            try
            {
                return await attempt(db);
            }
            catch (DbUpdateConcurrencyException) when (attemptNumber < maxAttempts)
            {
                logger.LogDebug("Optimistic concurrency conflict, attempt {Attempt} of {Max}; retrying.", attemptNumber, maxAttempts);
                await Task.Delay(Random.Shared.Next(1, 10 * attemptNumber), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException(conflictMessage + ".");
            }
        }
    }
}
