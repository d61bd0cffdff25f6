using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Journal;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The engine's entry points: start, complete a task, signal a message, fire a timer, retry an incident. Each loads
/// the instance, runs one <see cref="InstanceStep"/>, and saves it in one transaction; a step that loses a race with
/// another writer is retried from a fresh load a bounded number of times.
/// </summary>
public sealed class WorkflowRuntime(
    IDbContextFactory<WorkflowsDbContext> contexts,
    ProcessModelCache models,
    ActivityRegistry activities,
    ScriptSandbox scripts,
    IServiceProvider services,
    InstanceAccess access,
    DeadlineRuleStore rules,
    ITimerLeases leases,
    IClock clock,
    IOptions<WorkflowRuntimeOptions> options,
    ILogger<WorkflowRuntime> logger)
{
    private readonly StepRunner runner = new(
        contexts,
        models,
        new StepServices(activities, scripts, services, access.Options.OfficeVariable, options.Value.DefaultCandidateRole),
        rules,
        clock,
        Math.Max(1, options.Value.MaxAttempts),
        logger);

    /// <summary>Starts the latest published version of a workflow at its none start event, at the actor's office.</summary>
    public Task<StepResult> StartAsync(string definitionKey, JsonObject? variables, string? correlationId, Actor actor, CancellationToken cancellationToken = default) =>
        StartAsync(new StartInstance(definitionKey, variables, correlationId), actor, alsoSave: null, cancellationToken);

    /// <summary>
    /// Starts the latest published version of a workflow at its none start event, writing <paramref name="alsoSave"/>'s
    /// domain data in the same transaction (a case and its workflow are created together or not at all). The instance
    /// belongs to the actor's office, or to the office the request names when the actor's role may choose one; variables
    /// from outside may not set the office or another routing variable.
    /// </summary>
    public Task<StepResult> StartAsync(
        StartInstance request,
        Actor actor,
        Func<StepTransaction, CancellationToken, Task>? alsoSave = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
        {
            throw new BadRequestException("definitionKey is required.");
        }

        access.EnsureNoProtectedVariables(request.Variables, "The variables of a start");
        if (access.Options.OfficeVariable is { } officeVariable && request.OwnedVariables?.ContainsKey(officeVariable) == true)
        {
            throw new ArgumentException("The office is given as StartInstance.Office, not as a variable.", nameof(request));
        }

        var office = access.StartOffice(request.Office, actor);
        var variables = request.Variables?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in request.OwnedVariables ?? [])
        {
            variables[name] = value?.DeepClone();
        }

        return runner.WithRetryAsync(async db =>
        {
            var definition = await StepRunner.LatestPublishedAsync(db, request.DefinitionKey, cancellationToken);
            var model = models.Get(definition);
            var start = model.Root.NoneStartEvent ?? throw new BadRequestException(
                $"Workflow '{request.DefinitionKey}' has no none start event; it starts by " +
                string.Join(" or ", model.Root.StartEvents.Select(s => s.Trigger is MessageTrigger m ? $"the message '{m.MessageName}'" : "its timer")) + ".");
            return await runner.StartAtAsync(db, definition, model, start, variables, request.CorrelationId, office, actor, alsoSave, cancellationToken, request.BusinessKey);
        }, "The instance could not be started", cancellationToken);
    }

    public Task<StepResult> CompleteTaskAsync(Guid taskId, JsonObject data, Actor actor, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        runner.WithRetryAsync(async db =>
        {
            var (task, instance, _) = await CompiledQueries.TaskWithInstance(db, taskId, cancellationToken)
                ?? throw new NotFoundException($"Task {taskId} does not exist.");
            if ((access.Denial(task.Office ?? instance?.Office, actor) ?? TaskAccess.Denial(task, actor)) is { } denial)
            {
                await access.RecordAsync(task.InstanceId, actor, InstanceAccessKind.Denied, $"task {task.ElementId}", CancellationToken.None);
                throw new ForbiddenException(denial);
            }

            TaskAccess.EnsureCanWork(task, actor);
            if (expectedVersion is not null && expectedVersion != task.Version)
            {
                throw new ConflictException($"The task has changed since you read it (version {expectedVersion}, now {task.Version}); reload it.");
            }

            var loaded = (await runner.PrepareAsync(db, instance, task.InstanceId, actor, cancellationToken, mustBeRunning: true))!;
            var bookmark = loaded.Bookmarks.Find(b => b.Id == task.BookmarkId)
                ?? throw new ConflictException("The task's activity is no longer waiting for it.");
            await loaded.Step.CompleteTaskAsync(task, bookmark, data, new HumanTaskContextInfo(actor.Roles, actor.Office), cancellationToken);
            await loaded.Step.SaveAsync(cancellationToken);
            await access.RecordAsync(task.InstanceId, actor, InstanceAccessKind.Write, $"task {task.ElementId} completed", cancellationToken);
            return StepRunner.Result(loaded);
        }, "Someone else changed the case at the same moment; the task was not completed. Try again", cancellationToken);

    /// <summary>
    /// Delivers a message to the one instance given by id or by correlation, if the actor may reach it (otherwise 403,
    /// recorded). Every subscription of that instance to the message triggers, and sets only the payload variables its
    /// event declares (<c>vp:payload</c>); a field no waiting event declares is a 400. When no instance waits, a process
    /// whose start event waits for it is started. Otherwise 409: messages are never buffered.
    /// </summary>
    public Task<StepResult> SignalAsync(string messageName, Guid? instanceId, string? correlationId, JsonObject? payload, Actor actor, CancellationToken cancellationToken = default)
    {
        if (instanceId is null && string.IsNullOrWhiteSpace(correlationId))
        {
            throw new BadRequestException("A message needs an instance id or a correlation id.");
        }

        var what = $"message {messageName}";
        return runner.WithRetryAsync(async db =>
        {
            if (instanceId is not null)
            {
                var target = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => new { i.Office }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException($"Instance {instanceId} does not exist.");
                await access.EnsureAsync(instanceId.Value, target.Office, actor, what, cancellationToken);
            }

            var query = db.Bookmarks.AsNoTracking().Where(b => b.Kind == BookmarkKind.Message && b.MessageName == messageName);
            query = instanceId is not null ? query.Where(b => b.InstanceId == instanceId) : query.Where(b => b.CorrelationId == correlationId);
            // A correlation reaches only the instances the actor may work on: an instance of another office that carries
            // the same key neither receives the message nor gets in the way of the one that should.
            var candidates = await query
                .Join(db.Instances, b => b.InstanceId, i => i.Id, (b, i) => new { i.Id, i.Office })
                .Distinct().OrderBy(i => i.Id).Take(20).ToListAsync(cancellationToken);
            var waiting = candidates.Where(c => access.Denial(c.Office, actor) is null).Select(c => c.Id).Take(2).ToList();
            if (waiting.Count == 0 && candidates.Count > 0)
            {
                await access.EnsureAsync(candidates[0].Id, candidates[0].Office, actor, what, cancellationToken);
            }

            if (waiting.Count > 1)
            {
                throw new ConflictException($"Several instances with correlation '{correlationId}' wait for the message '{messageName}'; send it to one instance by its id.");
            }

            if (waiting.Count == 0)
            {
                if (instanceId is null && await MessageStartAsync(db, messageName, payload, correlationId, actor, cancellationToken) is { } started)
                {
                    return started;
                }

                throw new ConflictException(instanceId is not null
                    ? $"Instance {instanceId} is not waiting for the message '{messageName}'."
                    : $"No instance with correlation '{correlationId}' is waiting for the message '{messageName}', and no workflow starts with it.");
            }

            return await DeliverAsync(db, waiting[0], messageName, payload, actor, cancellationToken);
        }, "Someone else changed the instance at the same moment; the message was not delivered. Try again", cancellationToken);
    }

    /// <summary>Triggers every subscription of one instance to the message, in the order they were made, with the payload each declares.</summary>
    private async Task<StepResult> DeliverAsync(WorkflowsDbContext db, Guid instanceId, string messageName, JsonObject? payload, Actor actor, CancellationToken cancellationToken)
    {
        var what = $"message {messageName}";
        var loaded = await runner.LoadAsync(db, instanceId, actor, cancellationToken);
        await access.EnsureAsync(loaded.Instance.Id, loaded.Instance.Office, actor, what, cancellationToken);
        var subscriptions = loaded.Bookmarks
            .Where(b => b.Kind == BookmarkKind.Message && b.MessageName == messageName)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .ToList();
        var triggers = subscriptions.ToDictionary(b => b.Id, b => MessagePayload.TriggerOf(loaded.Model.Node(b.ElementId)));
        MessagePayload.EnsureDeclared(payload, triggers.Values, messageName, access.Options.ProtectedVariables, loaded.Model.AnchorVariables);
        foreach (var subscription in subscriptions)
        {
            await loaded.Step.TriggerAsync(subscription, MessagePayload.Declared(payload, triggers[subscription.Id]), firedTimer: null, cancellationToken);
        }

        await loaded.Step.SaveAsync(cancellationToken);
        await access.RecordAsync(loaded.Instance.Id, actor, InstanceAccessKind.Write, what, cancellationToken);
        return StepRunner.Result(loaded);
    }

    /// <summary>Fires a timer if it is still pending at <paramref name="version"/>; a duplicate or stale call does nothing.</summary>
    public Task<TimerFireOutcome> FireTimerAsync(Guid timerId, int version, CancellationToken cancellationToken = default) =>
        runner.WithRetryAsync(async db =>
        {
            var row = await CompiledQueries.TimerWithInstance(db, timerId, cancellationToken);
            if (row is not { Timer: var timer, Instance: var instance } || timer.Status != TimerStatus.Pending || timer.Version != version)
            {
                return TimerFireOutcome.Stale;
            }

            if (timer.InstanceId is null)
            {
                return await FireStartTimerAsync(db, timer, cancellationToken);
            }

            var loaded = await runner.PrepareAsync(db, instance, timer.InstanceId.Value, Actor.System, cancellationToken, mustBeRunning: false);
            var bookmark = loaded?.Instance.Status == InstanceStatus.Running ? loaded.Bookmarks.Find(b => b.Id == timer.BookmarkId) : null;
            if (loaded is null || bookmark is null)
            {
                // Nothing waits for it any more. Retiring it is checked against its version, so when another run fired
                // it between our reads this conflicts, and the retry sees it as stale.
                timer.Cancel(TimerCancellation.ScopeEnded, clock.GetCurrentInstant());
                await db.SaveChangesAsync(cancellationToken);
                return TimerFireOutcome.Stale;
            }

            await loaded.Step.TriggerAsync(bookmark, payload: null, timer, cancellationToken);
            await loaded.Step.SaveAsync(cancellationToken);
            await ReleaseIfArmedAgainAsync(db, timer, cancellationToken);
            return TimerFireOutcome.Fired;
        }, "The timer could not be fired", cancellationToken);

    /// <summary>
    /// Waives a deadline for a recorded reason. A pending one is cancelled and nothing follows from it; a
    /// fired one (overdue, its escalation under way) is recorded as waived and no longer counts as overdue. Only timers
    /// of boundary events and of event sub-process starts can be waived; a token waiting on a timer would wait forever.
    /// </summary>
    public Task<WorkflowTimer> WaiveTimerAsync(Guid timerId, string reason, Actor actor, Func<StepTransaction, CancellationToken, Task>? alsoSave = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BadRequestException("A waiver needs a reason.");
        }

        return runner.WithRetryAsync(async db =>
        {
            var timer = await CompiledQueries.Timer(db, timerId, cancellationToken)
                ?? throw new NotFoundException($"Deadline {timerId} does not exist.");
            if (timer.InstanceId is null)
            {
                throw new ConflictException("A workflow's start timer cannot be waived.");
            }

            if (timer.IsWaived || timer.Status == TimerStatus.Cancelled)
            {
                throw new ConflictException($"The deadline is no longer open ({(timer.IsWaived ? "already waived" : timer.CancelledBecause?.ToString() ?? timer.Status.ToString())}).");
            }

            var loaded = await runner.LoadAsync(db, timer.InstanceId.Value, actor, cancellationToken);
            await access.EnsureAsync(loaded.Instance.Id, loaded.Instance.Office, actor, "deadline waiver", cancellationToken);
            Bookmark? bookmark = null;
            if (timer.Status == TimerStatus.Pending)
            {
                bookmark = loaded.Bookmarks.Find(b => b.Id == timer.BookmarkId)
                    ?? throw new ConflictException("The deadline is no longer pending.");
            }

            DeadlineWaiver.Waive(loaded.Step, bookmark, timer, reason.Trim());
            if (alsoSave is not null)
            {
                loaded.Step.AlsoSave(alsoSave);
            }

            await loaded.Step.SaveAsync(cancellationToken);
            return timer;
        }, "Someone else changed the case at the same moment; the deadline was not waived. Try again", cancellationToken);
    }

    /// <summary>
    /// Moves one pending deadline to another day, or fires it now, for a recorded reason. Only a deadline (a timer from
    /// a rule) that is still pending can be adjusted; the domain decides who may, the engine checks the office.
    /// </summary>
    public Task<StepResult> AdjustDeadlineAsync(Guid timerId, DeadlineAdjustment adjustment, Actor actor, Func<StepTransaction, CancellationToken, Task>? alsoSave = null, CancellationToken cancellationToken = default)
    {
        adjustment.EnsureValid(Time.Stockholm.DateOf(clock.GetCurrentInstant()));
        return runner.WithRetryAsync(async db =>
        {
            var timer = DeadlineAdjuster.EnsurePendingDeadline(await CompiledQueries.Timer(db, timerId, cancellationToken), timerId);
            var loaded = await runner.LoadAsync(db, timer.InstanceId!.Value, actor, cancellationToken);
            await access.EnsureAsync(loaded.Instance.Id, loaded.Instance.Office, actor, "deadline adjustment", cancellationToken);
            var bookmark = loaded.Bookmarks.Find(b => b.Id == timer.BookmarkId)
                ?? throw new ConflictException("The deadline is no longer pending.");
            await DeadlineAdjuster.AdjustAsync(loaded.Step, bookmark, timer, adjustment, cancellationToken);
            if (alsoSave is not null)
            {
                loaded.Step.AlsoSave(alsoSave);
            }

            await loaded.Step.SaveAsync(cancellationToken);
            await access.RecordAsync(loaded.Instance.Id, actor, InstanceAccessKind.Write, adjustment.FireNow ? "deadline fired now" : "deadline moved", cancellationToken);
            return StepRunner.Result(loaded);
        }, "Someone else changed the case at the same moment; the deadline was not changed. Try again", cancellationToken);
    }

    /// <summary>Runs the element of an incident again, once its cause is fixed.</summary>
    public Task<StepResult> RetryIncidentAsync(Guid incidentId, Actor actor, CancellationToken cancellationToken = default) =>
        runner.WithRetryAsync(async db =>
        {
            var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
                ?? throw new NotFoundException($"Incident {incidentId} does not exist.");
            var office = await db.Instances.Where(i => i.Id == incident.InstanceId).Select(i => i.Office).FirstOrDefaultAsync(cancellationToken);
            await access.EnsureAsync(incident.InstanceId, office, actor, "incident retry", cancellationToken);
            if (incident.ResolvedAt is not null)
            {
                throw new ConflictException($"Incident {incidentId} was already resolved at {incident.ResolvedAt}.");
            }

            if (incident.TimerId is not null)
            {
                return await TimerIncidents.RetryAsync(db, incident, actor, leases, clock.GetCurrentInstant(), cancellationToken);
            }

            var loaded = await runner.LoadAsync(db, incident.InstanceId, actor, cancellationToken);
            var tracked = loaded.Incidents.Find(i => i.Id == incidentId)!;
            if (tracked.TokenId is null)
            {
                loaded.Step.RetrySubscription(tracked);
            }
            else
            {
                await loaded.Step.RetryAsync(tracked, cancellationToken);
            }

            await loaded.Step.SaveAsync(cancellationToken);
            return StepRunner.Result(loaded);
        }, "Someone else changed the instance at the same moment; try the retry again", cancellationToken);

    /// <summary>A timer whose fire job kept failing: record an incident instead of trying forever.</summary>
    public Task RaiseTimerIncidentAsync(Guid timerId, string message, CancellationToken cancellationToken = default) =>
        runner.WithRetryAsync(async db =>
        {
            await TimerIncidents.RaiseAsync(db, timerId, message, clock.GetCurrentInstant(), cancellationToken);
            return 0;
        }, "The incident could not be recorded", cancellationToken);

    private async Task<StepResult?> MessageStartAsync(WorkflowsDbContext db, string messageName, JsonObject? payload, string? correlationId, Actor actor, CancellationToken cancellationToken)
    {
        var published = await db.Definitions.AsNoTracking()
            .Where(d => d.Status == DefinitionStatus.Published)
            .Select(d => new { d.Id, d.Key, d.Version })
            .ToListAsync(cancellationToken);
        var candidates = new List<(Guid Id, StartEventNode Start, ProcessModel Model)>();
        foreach (var latest in published.GroupBy(d => d.Key).Select(g => g.MaxBy(d => d.Version)!))
        {
            var model = await runner.ModelAsync(db, latest.Id, cancellationToken);
            var start = model.MessageStartEvents.FirstOrDefault(s => ((MessageTrigger)s.Trigger!).MessageName == messageName);
            if (start is not null)
            {
                candidates.Add((latest.Id, start, model));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count > 1)
        {
            throw new ConflictException($"Several workflows start with the message '{messageName}' ({string.Join(", ", candidates.Select(c => c.Model.Key))}).");
        }

        var (id, startEvent, startModel) = candidates[0];
        var trigger = (MessageTrigger)startEvent.Trigger!;
        MessagePayload.EnsureDeclared(payload, [trigger], messageName, access.Options.ProtectedVariables, startModel.AnchorVariables);
        var office = access.StartOffice(null, actor);
        var definition = await db.Definitions.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken);
        return await runner.StartAtAsync(db, definition, startModel, startEvent, MessagePayload.Declared(payload, trigger), correlationId, office, actor, alsoSave: null, cancellationToken);
    }

    private async Task<TimerFireOutcome> FireStartTimerAsync(WorkflowsDbContext db, WorkflowTimer timer, CancellationToken cancellationToken)
    {
        var definition = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == timer.DefinitionId, cancellationToken);
        var now = clock.GetCurrentInstant();
        if (definition is null || definition.Status != DefinitionStatus.Published)
        {
            timer.Cancel(TimerCancellation.Replaced, now);
            await db.SaveChangesAsync(cancellationToken);
            return TimerFireOutcome.Stale;
        }

        timer.Fire(now);
        var model = models.Get(definition);
        var start = (StartEventNode)model.Node(timer.ElementId);
        await runner.StartAtAsync(db, definition, model, start, variables: null, correlationId: null, office: null, Actor.System, alsoSave: null, cancellationToken);
        await ReleaseIfArmedAgainAsync(db, timer, cancellationToken);
        return TimerFireOutcome.Fired;
    }

    /// <summary>A cycle that moved on to its next occurrence is claimed afresh by the sweep, not after the fired one's lease.</summary>
    private Task ReleaseIfArmedAgainAsync(WorkflowsDbContext db, WorkflowTimer timer, CancellationToken cancellationToken) =>
        timer.Status == TimerStatus.Pending ? leases.ReleaseAsync(db, timer.Id, cancellationToken) : Task.CompletedTask;
}
