using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Json;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>An element could not run; the token gets an incident with this message.</summary>
internal sealed class ElementFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The services a step needs, shared by all steps.</summary>
internal sealed record StepServices(
    ActivityRegistry Activities,
    ScriptSandbox Scripts,
    IServiceProvider Services);

/// <summary>
/// One step of one instance: the token semantics of the engine. It is given the instance as loaded, applies a
/// trigger (start, task completion, timer, message, retry), runs every token until it waits, and then saves the
/// instance, variables, bookmarks, tasks, timers and journal in one transaction.
/// </summary>
internal sealed class InstanceStep
{
    private readonly StepServices services;
    private readonly WorkflowsDbContext db;
    private readonly WorkflowInstance instance;
    private readonly ProcessModel model;
    private readonly List<Bookmark> bookmarks;
    private readonly List<Incident> openIncidents;
    private readonly Actor actor;
    private readonly Instant now;
    private readonly ExecutionState state;
    private readonly JsonObject variables;
    private readonly Queue<Token> ready = new();
    private readonly Dictionary<Guid, HumanTask> newTasks = [];
    private readonly Dictionary<Guid, WorkflowTimer> newTimers = [];
    private readonly List<Guid> cancelledTaskBookmarks = [];
    private readonly Dictionary<TimerCancellation, List<Guid>> cancelledTimerBookmarks = [];
    private readonly Dictionary<TimerCancellation, List<string>> endedBoundaryWatches = [];
    private readonly HashSet<Guid> timersFiredInStep = [];
    private readonly StepEffects effects;
    private bool terminating;
    private bool movedOffice;

    public InstanceStep(
        StepServices services,
        WorkflowsDbContext db,
        WorkflowInstance instance,
        ProcessModel model,
        List<Bookmark> bookmarks,
        List<Incident> openIncidents,
        Actor actor,
        Instant now)
    {
        this.services = services;
        this.db = db;
        this.instance = instance;
        this.model = model;
        this.bookmarks = bookmarks;
        this.openIncidents = openIncidents;
        this.actor = actor;
        this.now = now;
        state = ExecutionState.Deserialize(instance.State);
        variables = JsonNode.Parse(instance.Variables) as JsonObject ?? [];
        effects = new StepEffects((elementId, message, detail) => Journal(JournalKinds.Note, elementId, new { message, detail }));
        MirrorOffice();
    }

    /// <summary>Domain data to write in this step's transaction (a case created with its workflow, say).</summary>
    public void AlsoSave(Func<StepTransaction, CancellationToken, Task> write) => effects.AlsoSave.Add(write);

    public IEnumerable<HumanTask> CreatedTasks => newTasks.Values.Where(t => t.Status == HumanTaskStatus.Open);

    // ---- triggers -------------------------------------------------------------------------------------------------

    public async Task StartAsync(StartEventNode start, JsonObject? initialVariables, CancellationToken cancellationToken)
    {
        Merge(initialVariables);
        SetReceivedOn(start.Trigger);
        Journal(JournalKinds.InstanceStarted, start.Id, new { definition = model.Key, version = instance.DefinitionVersion, variables = initialVariables });
        var root = new ScopeInstance { Id = state.NewId("s"), ScopeId = model.Root.Id };
        state.Scopes.Add(root);
        await SubscribeEventSubProcessesAsync(root, cancellationToken);
        var token = NewToken(root, start, via: null);
        Leave(token, start);
        await RunAsync(cancellationToken);
    }

    public async Task CompleteTaskAsync(HumanTask task, Bookmark bookmark, JsonObject data, HumanTaskContextInfo who, CancellationToken cancellationToken)
    {
        var token = state.Token(bookmark.TokenId) ?? throw new ConflictException("The task's activity is no longer active.");
        var node = (TaskNode)model.Node(bookmark.ElementId);
        var descriptor = services.Activities.Get(node.ActivityType);
        HumanActivity activity;
        try
        {
            activity = (HumanActivity)CreateActivity(descriptor, node);
        }
        catch (ElementFailedException e)
        {
            throw new ConflictException($"The task cannot be completed: {e.Message}");
        }

        var context = new HumanTaskContext(ActivityContextFor(node), task.Id, who.Roles, who.Office);
        var problems = await activity.SubmitAsync(data, context, cancellationToken);
        if (problems.Count > 0)
        {
            throw new FormInvalidException(problems);
        }

        WriteOutputs(descriptor, node, activity);
        ApplyOfficeMove(node.Id);
        task.Status = HumanTaskStatus.Completed;
        task.CompletedAt = now;
        task.CompletedBy = actor.UserId;
        task.Assignee ??= actor.UserId;
        task.Data = data.ToJsonString();
        task.Version++;
        RemoveBookmark(bookmark, cancelled: null);
        Journal(JournalKinds.TaskCompleted, node.Id, new { taskId = task.Id, data });
        CompleteActivity(token, node);
        await RunAsync(cancellationToken);
    }

    /// <summary>A timer fired or a message arrived for this bookmark.</summary>
    public async Task TriggerAsync(Bookmark bookmark, JsonObject? payload, WorkflowTimer? firedTimer, CancellationToken cancellationToken)
    {
        if (!bookmarks.Contains(bookmark))
        {
            return; // removed earlier in this step, e.g. by an interrupting event
        }

        Merge(payload);
        var node = model.Node(bookmark.ElementId);
        SetReceivedOn(node switch
        {
            StartEventNode start => start.Trigger,
            IntermediateCatchEventNode catchEvent => catchEvent.Trigger,
            BoundaryEventNode boundary => boundary.Trigger,
            _ => null,
        });
        var oneShot = firedTimer is null ? bookmark.Kind != BookmarkKind.Message : !Reschedule(firedTimer);
        if (firedTimer is not null)
        {
            timersFiredInStep.Add(firedTimer.Id);
            Journal(JournalKinds.TimerFired, node.Id, new { timerId = firedTimer.Id, dueDate = firedTimer.DueDate });
        }
        else
        {
            Journal(JournalKinds.MessageReceived, node.Id, new { message = bookmark.MessageName, payload });
        }

        switch (node)
        {
            case IntermediateCatchEventNode catchEvent:
            {
                var token = state.Token(bookmark.TokenId)!;
                if (token.ElementId != catchEvent.Id)
                {
                    // The token waits at an event-based gateway: this event wins, the others are withdrawn.
                    RemoveBookmarksOf(token, TimerCancellation.Interrupted, except: bookmark);
                    token.ArrivedVia = catchEvent.Incoming[0].Id;
                    token.ElementId = catchEvent.Id;
                }

                RemoveBookmark(bookmark, cancelled: null);
                token.Status = TokenStatus.Active;
                Leave(token, catchEvent);
                break;
            }

            case BoundaryEventNode boundary:
            {
                var activityToken = state.Token(bookmark.TokenId)!;
                var scope = state.Scope(activityToken.ScopeInstanceId)!;
                if (boundary.CancelActivity)
                {
                    RemoveBookmark(bookmark, cancelled: null);
                    CancelToken(activityToken);
                }
                else if (oneShot)
                {
                    RemoveBookmark(bookmark, cancelled: null);
                }

                var token = NewToken(scope, boundary, via: null, enqueue: false);
                Leave(token, boundary);
                break;
            }

            case StartEventNode start when start.Scope.Owner is { TriggeredByEvent: true } eventSubProcess:
            {
                var scope = state.Scope(bookmark.ScopeInstanceId)!;
                if (start.IsInterrupting)
                {
                    RemoveBookmark(bookmark, cancelled: null);
                    foreach (var subscription in bookmarks.Where(b => b.ScopeInstanceId == scope.Id).ToList())
                    {
                        RemoveBookmark(subscription, TimerCancellation.Interrupted);
                    }

                    CancelScopeContents(scope);
                }
                else if (oneShot)
                {
                    RemoveBookmark(bookmark, cancelled: null);
                }

                var owner = NewToken(scope, eventSubProcess, via: null, enqueue: false);
                owner.Status = TokenStatus.Waiting;
                var child = new ScopeInstance { Id = state.NewId("s"), ScopeId = eventSubProcess.Id, ParentId = scope.Id, OwnerTokenId = owner.Id };
                state.Scopes.Add(child);
                await SubscribeEventSubProcessesAsync(child, cancellationToken);
                var token = NewToken(child, start, via: null, enqueue: false);
                Leave(token, start);
                break;
            }

            default:
                throw new InvalidOperationException($"Bookmark {bookmark.Id} at '{node.Id}' cannot be triggered.");
        }

        await RunAsync(cancellationToken);
    }

    /// <summary>
    /// Waives a deadline for a recorded reason: a pending timer is cancelled and the activity or scope it watches goes
    /// on; a fired one keeps what it started and only stops counting as overdue.
    /// </summary>
    public void Waive(Bookmark? bookmark, WorkflowTimer timer, string reason)
    {
        var node = model.Node(timer.ElementId);
        if (node is not BoundaryEventNode and not StartEventNode)
        {
            throw new ConflictException($"The timer at '{node.DisplayName}' is not a deadline that can be waived: the workflow waits for it to continue.");
        }

        if (bookmark is not null)
        {
            RemoveBookmark(bookmark, cancelled: null);
        }

        var wasFired = timer.Status == TimerStatus.Fired;
        timer.Waive(actor.UserId, reason, now);
        Journal(JournalKinds.DeadlineWaived, node.Id, new { timerId = timer.Id, rule = timer.DeadlineRuleKey, dueDate = timer.DueDate, reason, afterDueDate = wasFired });
    }

    public async Task RetryAsync(Incident incident, CancellationToken cancellationToken)
    {
        ResolveIncident(incident);
        var token = state.Token(incident.TokenId);
        if (token is not null && token.Status == TokenStatus.Incident)
        {
            token.Status = TokenStatus.Active;
            if (token.FailedLeaving)
            {
                token.FailedLeaving = false;
                Leave(token, model.Node(token.ElementId));
            }
            else
            {
                ready.Enqueue(token);
            }
        }

        await RunAsync(cancellationToken);
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        instance.State = state.Serialize();
        instance.Variables = variables.ToJsonString();
        instance.OpenIncidents = openIncidents.Count(i => i.ResolvedAt is null);
        instance.Revision++;

        if (cancelledTaskBookmarks.Count == 0 && cancelledTimerBookmarks.Count == 0 && endedBoundaryWatches.Count == 0 && effects.AlsoSave.Count == 0 && !movedOffice)
        {
            await db.SaveChangesAsync(cancellationToken); // one batch, in its own transaction
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Database.AutoSavepointsEnabled = false;
            await db.SaveChangesAsync(cancellationToken);
            if (cancelledTaskBookmarks.Count > 0)
            {
                await db.Tasks
                    .Where(t => cancelledTaskBookmarks.Contains(t.BookmarkId) && t.Status == HumanTaskStatus.Open)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.Status, HumanTaskStatus.Cancelled)
                        .SetProperty(t => t.CompletedAt, now)
                        .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
            }

            foreach (var (reason, ids) in cancelledTimerBookmarks)
            {
                await db.Timers
                    .Where(t => t.BookmarkId != null && ids.Contains(t.BookmarkId.Value) && t.Status == TimerStatus.Pending)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.Status, TimerStatus.Cancelled)
                        .SetProperty(t => t.CancelledBecause, reason)
                        .SetProperty(t => t.CancelledAt, now)
                        .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
            }

            foreach (var (reason, elementIds) in endedBoundaryWatches)
            {
                // A deadline fired in this very step (an interrupting one, say) was missed, not resolved.
                var firedNow = timersFiredInStep.ToList();
                await db.Timers
                    .Where(t => t.InstanceId == instance.Id && elementIds.Contains(t.ElementId) && t.Status == TimerStatus.Fired
                        && t.DueDate != null && t.ResolvedAt == null && !firedNow.Contains(t.Id))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.ResolvedAt, now)
                        .SetProperty(t => t.ResolvedBecause, reason)
                        .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
            }

            if (movedOffice)
            {
                // Tasks opened in this step already carry the new office; this moves the ones opened before.
                var office = instance.Office;
                await db.Tasks
                    .Where(t => t.InstanceId == instance.Id && t.Status == HumanTaskStatus.Open && t.Office != office)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Office, office).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
            }

            var stepTransaction = new StepTransaction(db.Database.GetDbConnection(), transaction.GetDbTransaction(), instance.Id);
            foreach (var write in effects.AlsoSave)
            {
                await write(stepTransaction, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
    }

    // ---- the token loop -----------------------------------------------------------------------------------------

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (ready.TryDequeue(out var token))
        {
            if (!state.Tokens.Contains(token) || token.Status != TokenStatus.Active)
            {
                continue; // cancelled while queued
            }

            var node = model.Node(token.ElementId);
            try
            {
                await EnterAsync(token, node, cancellationToken);
            }
            catch (ElementFailedException e)
            {
                RemoveBookmarksOf(token, TimerCancellation.Interrupted);
                RaiseIncident(token, node, e.Message, leaving: false);
            }
        }
    }

    private async Task EnterAsync(Token token, FlowNode node, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case StartEventNode:
                Leave(token, node);
                break;

            case EndEventNode end:
                var scope = state.Scope(token.ScopeInstanceId)!;
                if (end.Terminate)
                {
                    Journal(JournalKinds.ElementCompleted, end.Id, new { terminate = true });
                    state.Tokens.Remove(token);
                    terminating = scope.ParentId is null;
                    CancelScopeContents(scope);
                }
                else
                {
                    state.Tokens.Remove(token);
                }

                CompleteScopeIfDone(scope);
                break;

            case TaskNode task:
                await EnterTaskAsync(token, task, cancellationToken);
                break;

            case SubProcessNode subProcess:
                token.Status = TokenStatus.Waiting;
                await SubscribeBoundaryEventsAsync(token, subProcess, cancellationToken);
                var child = new ScopeInstance { Id = state.NewId("s"), ScopeId = subProcess.Id, ParentId = token.ScopeInstanceId, OwnerTokenId = token.Id };
                state.Scopes.Add(child);
                await SubscribeEventSubProcessesAsync(child, cancellationToken);
                var start = subProcess.Body.NoneStartEvent!;
                Leave(NewToken(child, start, via: null, enqueue: false), start);
                break;

            case GatewayNode { Kind: GatewayKind.Parallel } join when join.Incoming.Count > 1:
                Join(token, join);
                break;

            case GatewayNode { Kind: GatewayKind.EventBased } eventGateway:
                token.Status = TokenStatus.Waiting;
                foreach (var flow in eventGateway.Outgoing)
                {
                    var target = (IntermediateCatchEventNode)flow.Target;
                    await SubscribeAsync(target.Trigger, target.Id, token.Id, scopeInstanceId: null, cancellationToken);
                }

                break;

            case GatewayNode:
                Leave(token, node);
                break;

            case IntermediateCatchEventNode catchEvent:
                token.Status = TokenStatus.Waiting;
                await SubscribeAsync(catchEvent.Trigger, catchEvent.Id, token.Id, scopeInstanceId: null, cancellationToken);
                break;

            default:
                throw new ElementFailedException($"Elements of type {node.GetType().Name} cannot run.");
        }
    }

    private async Task EnterTaskAsync(Token token, TaskNode node, CancellationToken cancellationToken)
    {
        var descriptor = services.Activities.Get(node.ActivityType);
        var activity = CreateActivity(descriptor, node);
        if (activity is AutomaticActivity automatic)
        {
            var writesBefore = effects.AlsoSave.Count;
            try
            {
                await automatic.ExecuteAsync(ActivityContextFor(node), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not ElementFailedException)
            {
                effects.AlsoSave.RemoveRange(writesBefore, effects.AlsoSave.Count - writesBefore); // nothing of a failed activity is saved
                effects.MoveToOffice = null;
                throw new ElementFailedException($"Activity '{descriptor.Type}' failed: {e.Message}", e);
            }

            WriteOutputs(descriptor, node, activity);
            ApplyOfficeMove(node.Id);
            Journal(JournalKinds.ElementCompleted, node.Id, new { activity = descriptor.Type });
            Leave(token, node);
            return;
        }

        var human = (HumanActivity)activity;
        token.Status = TokenStatus.Waiting;
        var dueDate = await SubscribeBoundaryEventsAsync(token, node, cancellationToken) ?? EnclosingDueDate(token);
        var bookmark = AddBookmark(BookmarkKind.Task, node.Id, token.Id, null, null);
        var task = new HumanTask
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            InstanceId = instance.Id,
            BookmarkId = bookmark.Id,
            ElementId = node.Id,
            ActivityType = descriptor.Type,
            Title = node.DisplayName,
            DefinitionKey = instance.DefinitionKey,
            CorrelationId = instance.CorrelationId,
            BusinessKey = instance.BusinessKey,
            CandidateRole = human.CandidateRole,
            Instructions = human.Instructions,
            Office = human.Office ?? instance.Office,
            Assignee = human.Assignee,
            ClaimedAt = human.Assignee is null ? null : now,
            DueDate = dueDate,
            Status = HumanTaskStatus.Open,
            CreatedAt = now,
            Version = 1,
        };
        newTasks[bookmark.Id] = task;
        db.Tasks.Add(task);
        Journal(JournalKinds.TaskCreated, node.Id, new { taskId = task.Id, task.CandidateRole, task.Office, task.Assignee, task.DueDate });
    }

    private void Join(Token token, GatewayNode join)
    {
        token.Status = TokenStatus.Joining;
        var waiting = state.Tokens
            .Where(t => t.Status == TokenStatus.Joining && t.ElementId == join.Id && t.ScopeInstanceId == token.ScopeInstanceId)
            .ToList();
        var arrivals = join.Incoming.Select(flow => waiting.FirstOrDefault(t => t.ArrivedVia == flow.Id)).ToList();
        if (arrivals.Any(t => t is null))
        {
            return;
        }

        // One token from each incoming flow is consumed; one continues.
        var survivor = arrivals[0]!;
        foreach (var arrived in arrivals.Skip(1))
        {
            state.Tokens.Remove(arrived!);
        }

        survivor.Status = TokenStatus.Active;
        Leave(survivor, join);
    }

    /// <summary>Moves a token out of a node along the flows it selects; forks for several, ends it for none.</summary>
    private void Leave(Token token, FlowNode node)
    {
        List<SequenceFlow> flows;
        try
        {
            flows = SelectOutgoing(node);
        }
        catch (ElementFailedException e)
        {
            RaiseIncident(token, node, e.Message, leaving: true);
            return;
        }

        var scope = state.Scope(token.ScopeInstanceId)!;
        if (flows.Count == 0)
        {
            state.Tokens.Remove(token);
            CompleteScopeIfDone(scope);
            return;
        }

        MoveAlong(token, flows[0]);
        foreach (var flow in flows.Skip(1))
        {
            NewToken(scope, flow.Target, flow.Id);
        }
    }

    private void MoveAlong(Token token, SequenceFlow flow)
    {
        token.ElementId = flow.Target.Id;
        token.ArrivedVia = flow.Id;
        token.Status = TokenStatus.Active;
        ready.Enqueue(token);
    }

    private List<SequenceFlow> SelectOutgoing(FlowNode node)
    {
        if (node is GatewayNode gateway)
        {
            switch (gateway.Kind)
            {
                case GatewayKind.Parallel:
                    return gateway.Outgoing;
                case GatewayKind.Exclusive:
                    if (gateway.Outgoing.Count == 1 && gateway.Outgoing[0].Condition is null)
                    {
                        return gateway.Outgoing;
                    }

                    foreach (var flow in gateway.Outgoing.Where(f => f != gateway.DefaultFlow && f.Condition is not null))
                    {
                        if (Condition(flow))
                        {
                            Journal(JournalKinds.GatewayDecided, gateway.Id, new { flow = flow.Id });
                            return [flow];
                        }
                    }

                    if (gateway.DefaultFlow is not null)
                    {
                        Journal(JournalKinds.GatewayDecided, gateway.Id, new { flow = gateway.DefaultFlow.Id, @default = true });
                        return [gateway.DefaultFlow];
                    }

                    throw new ElementFailedException($"No condition leaving gateway '{gateway.Id}' is true, and it has no default flow.");
            }
        }

        if (node.Outgoing.All(f => f.Condition is null))
        {
            return node.Outgoing;
        }

        // An activity's conditional flows: every flow whose condition holds, else the default flow.
        var taken = node.Outgoing.Where(f => f != node.DefaultFlow && (f.Condition is null || Condition(f))).ToList();
        if (taken.Count == 0 && node.DefaultFlow is not null)
        {
            taken.Add(node.DefaultFlow);
        }

        if (taken.Count == 0)
        {
            throw new ElementFailedException($"No condition leaving '{node.Id}' is true, and it has no default flow.");
        }

        return taken;
    }

    private bool Condition(SequenceFlow flow)
    {
        try
        {
            return services.Scripts.EvaluateCondition(flow.Condition!, variables);
        }
        catch (ScriptException e)
        {
            throw new ElementFailedException($"Condition of flow '{flow.Id}': {e.Message}", e);
        }
    }

    // ---- completion and cancellation -----------------------------------------------------------------------------

    private void CompleteActivity(Token token, FlowNode node)
    {
        RemoveBookmarksOf(token, TimerCancellation.ActivityCompleted);
        EndBoundaryWatches(node, TimerCancellation.ActivityCompleted);
        token.Status = TokenStatus.Active;
        Leave(token, node);
    }

    private void CompleteScopeIfDone(ScopeInstance scope)
    {
        if (state.Tokens.Any(t => t.ScopeInstanceId == scope.Id))
        {
            return;
        }

        foreach (var subscription in bookmarks.Where(b => b.ScopeInstanceId == scope.Id).ToList())
        {
            RemoveBookmark(subscription, TimerCancellation.ScopeEnded);
        }

        state.Scopes.Remove(scope);
        if (scope.ParentId is null)
        {
            EndInstance();
            return;
        }

        var owner = state.Token(scope.OwnerTokenId)!;
        var ownerNode = (SubProcessNode)model.Node(owner.ElementId);
        Journal(JournalKinds.ElementCompleted, ownerNode.Id, null);
        if (ownerNode.TriggeredByEvent)
        {
            state.Tokens.Remove(owner);
            CompleteScopeIfDone(state.Scope(owner.ScopeInstanceId)!);
        }
        else
        {
            CompleteActivity(owner, ownerNode);
        }
    }

    private void EndInstance()
    {
        foreach (var leftover in bookmarks.ToList())
        {
            RemoveBookmark(leftover, TimerCancellation.ScopeEnded);
        }

        foreach (var incident in openIncidents.Where(i => i.ResolvedAt is null))
        {
            ResolveIncident(incident);
        }

        instance.Status = terminating ? InstanceStatus.Terminated : InstanceStatus.Completed;
        instance.EndedAt = now;
        Journal(terminating ? JournalKinds.InstanceTerminated : JournalKinds.InstanceCompleted, null, null);
    }

    private void CancelScopeContents(ScopeInstance scope)
    {
        foreach (var token in state.Tokens.Where(t => t.ScopeInstanceId == scope.Id).ToList())
        {
            CancelToken(token);
        }
    }

    /// <summary>Cancels a token with everything that hangs on it: its task, its subscriptions, its child scope.</summary>
    private void CancelToken(Token token)
    {
        RemoveBookmarksOf(token, TimerCancellation.Interrupted);
        EndBoundaryWatches(model.Node(token.ElementId), TimerCancellation.Interrupted);
        var child = state.Scopes.Find(s => s.OwnerTokenId == token.Id);
        if (child is not null)
        {
            foreach (var subscription in bookmarks.Where(b => b.ScopeInstanceId == child.Id).ToList())
            {
                RemoveBookmark(subscription, TimerCancellation.Interrupted);
            }

            CancelScopeContents(child);
            state.Scopes.Remove(child);
        }

        foreach (var incident in openIncidents.Where(i => i.TokenId == token.Id && i.ResolvedAt is null))
        {
            ResolveIncident(incident);
        }

        state.Tokens.Remove(token);
        if (token.Status is TokenStatus.Waiting or TokenStatus.Incident)
        {
            Journal(JournalKinds.ElementCancelled, token.ElementId, null);
        }
    }

    /// <summary>
    /// The activity's boundary deadlines that already fired are resolved when it ends: completed late, or interrupted.
    /// Their bookmarks went when they fired, so the rows are found by element when the step is saved.
    /// </summary>
    private void EndBoundaryWatches(FlowNode node, TimerCancellation reason)
    {
        if (node is not ActivityNode { BoundaryEvents.Count: > 0 } activity)
        {
            return;
        }

        var timerEvents = activity.BoundaryEvents.Where(b => b.Trigger is TimerTrigger).Select(b => b.Id).ToList();
        if (timerEvents.Count == 0)
        {
            return;
        }

        if (!endedBoundaryWatches.TryGetValue(reason, out var ids))
        {
            endedBoundaryWatches[reason] = ids = [];
        }

        ids.AddRange(timerEvents);
    }

    // ---- bookmarks, subscriptions and timers --------------------------------------------------------------------

    private Bookmark AddBookmark(BookmarkKind kind, string elementId, string? tokenId, string? scopeInstanceId, string? messageName)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            InstanceId = instance.Id,
            Kind = kind,
            ElementId = elementId,
            TokenId = tokenId,
            ScopeInstanceId = scopeInstanceId,
            MessageName = messageName,
            CorrelationId = instance.CorrelationId,
            CreatedAt = now,
        };
        bookmarks.Add(bookmark);
        db.Bookmarks.Add(bookmark);
        return bookmark;
    }

    private void RemoveBookmarksOf(Token token, TimerCancellation cancelled, Bookmark? except = null)
    {
        foreach (var bookmark in bookmarks.Where(b => b.TokenId == token.Id && b != except).ToList())
        {
            RemoveBookmark(bookmark, cancelled);
        }
    }

    /// <summary>
    /// Removes a bookmark. With a reason (<paramref name="cancelled"/>), its open task or pending timer is cancelled
    /// too; without one the bookmark was used (the task completed, the timer fired, the message arrived).
    /// </summary>
    private void RemoveBookmark(Bookmark bookmark, TimerCancellation? cancelled)
    {
        if (!bookmarks.Remove(bookmark))
        {
            return;
        }

        db.Bookmarks.Remove(bookmark);
        if (cancelled is not { } reason)
        {
            return;
        }

        switch (bookmark.Kind)
        {
            case BookmarkKind.Task:
                if (newTasks.TryGetValue(bookmark.Id, out var task))
                {
                    task.Status = HumanTaskStatus.Cancelled;
                    task.CompletedAt = now;
                }
                else
                {
                    cancelledTaskBookmarks.Add(bookmark.Id);
                }

                Journal(JournalKinds.TaskCancelled, bookmark.ElementId, null);
                break;
            case BookmarkKind.Timer:
                if (newTimers.TryGetValue(bookmark.Id, out var timer))
                {
                    timer.Status = TimerStatus.Cancelled;
                    timer.CancelledBecause = reason;
                    timer.CancelledAt = now;
                }
                else
                {
                    if (!cancelledTimerBookmarks.TryGetValue(reason, out var ids))
                    {
                        cancelledTimerBookmarks[reason] = ids = [];
                    }

                    ids.Add(bookmark.Id);
                }

                break;
        }
    }

    private async Task SubscribeEventSubProcessesAsync(ScopeInstance scope, CancellationToken cancellationToken)
    {
        var scopeModel = scope.ScopeId == model.Root.Id ? model.Root : ((SubProcessNode)model.Node(scope.ScopeId)).Body;
        foreach (var eventSubProcess in scopeModel.EventSubProcesses)
        {
            var start = eventSubProcess.TriggerStart!;
            try
            {
                await SubscribeAsync(start.Trigger!, start.Id, tokenId: null, scope.Id, cancellationToken);
            }
            catch (ElementFailedException e)
            {
                RaiseIncident(null, start, e.Message, leaving: false, scope.Id);
            }
        }
    }

    /// <summary>Subscribes an activity's boundary events. Returns the due date of its deadline, if it has one.</summary>
    private async Task<LocalDate?> SubscribeBoundaryEventsAsync(Token token, ActivityNode node, CancellationToken cancellationToken)
    {
        LocalDate? dueDate = null;
        foreach (var boundary in node.BoundaryEvents)
        {
            var timer = await SubscribeAsync(boundary.Trigger, boundary.Id, token.Id, scopeInstanceId: null, cancellationToken);
            if (timer is not null && dueDate is null)
            {
                dueDate = timer.DueDate ?? Stockholm.DateOf(timer.DueAt);
            }
        }

        return dueDate;
    }

    /// <summary>The earliest deadline on the sub-processes around a token: a task inside one is due when its scope is.</summary>
    private LocalDate? EnclosingDueDate(Token token)
    {
        for (var scope = state.Scope(token.ScopeInstanceId); scope?.OwnerTokenId is { } owner; scope = state.Scope(scope.ParentId))
        {
            var due = bookmarks.Where(b => b.TokenId == owner && b.Kind == BookmarkKind.Timer && b.DueDate is not null).Min(b => b.DueDate);
            if (due is not null)
            {
                return due;
            }
        }

        return null;
    }

    private async Task<WorkflowTimer?> SubscribeAsync(EventTrigger trigger, string elementId, string? tokenId, string? scopeInstanceId, CancellationToken cancellationToken)
    {
        switch (trigger)
        {
            case MessageTrigger message:
                AddBookmark(BookmarkKind.Message, elementId, tokenId, scopeInstanceId, message.MessageName);
                return null;
            case TimerTrigger timerTrigger:
                WorkflowTimer timer;
                try
                {
                    timer = await NewTimerAsync(timerTrigger.Spec, elementId, cancellationToken);
                }
                catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
                {
                    // An anchor near the end of the calendar (say a mistyped year 9999) plus its period.
                    throw new ElementFailedException($"The timer's due date falls outside the calendar (after 9999-12-31 or before year -9998): {e.Message}", e);
                }

                var bookmark = AddBookmark(BookmarkKind.Timer, elementId, tokenId, scopeInstanceId, null);
                bookmark.DueDate = timer.DueDate ?? Stockholm.DateOf(timer.DueAt);
                timer.BookmarkId = bookmark.Id;
                newTimers[bookmark.Id] = timer;
                db.Timers.Add(timer);
                Journal(JournalKinds.TimerScheduled, elementId, new { timerId = timer.Id, dueAt = timer.DueAt, dueDate = timer.DueDate, rule = timer.DeadlineRuleKey, anchor = timer.AnchorVariable });
                return timer;
            default:
                throw new InvalidOperationException("Unknown trigger.");
        }
    }

    private async Task<WorkflowTimer> NewTimerAsync(TimerSpec spec, string elementId, CancellationToken cancellationToken)
    {
        var timer = new WorkflowTimer
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            InstanceId = instance.Id,
            DefinitionId = instance.DefinitionId,
            ElementId = elementId,
            Status = TimerStatus.Pending,
            Version = 1,
            CreatedAt = now,
        };
        switch (spec.Kind)
        {
            case TimerSpecKind.Deadline:
            {
                var anchor = ReadDate(spec.AnchorVariable!, elementId);
                EffectiveDeadlineRule? rule;
                try
                {
                    rule = await DeadlineRuleStore.EffectiveAsync(db, spec.DeadlineRule!, Stockholm.DateOf(now), cancellationToken);
                }
                catch (InvalidOperationException e)
                {
                    throw new ElementFailedException(e.Message, e);
                }

                if (rule is null)
                {
                    throw new ElementFailedException($"The deadline rule '{spec.DeadlineRule}' does not exist.");
                }

                timer.DueDate = DeadlineCalculator.DueDate(anchor, rule.Period, rule.MoveToNextWorkingDay);
                timer.DueAt = DeadlineCalculator.OverdueAt(timer.DueDate.Value);
                timer.DeadlineRuleKey = rule.Key;
                timer.DeadlineRuleVersion = rule.Version;
                timer.AnchorVariable = spec.AnchorVariable;
                timer.AnchorDate = anchor;
                break;
            }

            case TimerSpecKind.Duration when spec.AnchorVariable is not null:
            {
                var anchor = ReadDate(spec.AnchorVariable, elementId);
                timer.DueDate = DeadlineCalculator.DueDate(anchor, spec.Period!, moveToNextWorkingDay: false);
                timer.DueAt = DeadlineCalculator.OverdueAt(timer.DueDate.Value);
                timer.AnchorVariable = spec.AnchorVariable;
                timer.AnchorDate = anchor;
                break;
            }

            default:
                TimerSchedule.ApplyLiteral(timer, spec, now);
                break;
        }

        return timer;
    }

    /// <summary>For a fired cycle timer with repetitions left: schedules the next one on the same row. False otherwise.</summary>
    private bool Reschedule(WorkflowTimer timer)
    {
        timer.FiredAt = now;
        if (!TimerSchedule.TryScheduleNextRepetition(timer, now))
        {
            timer.Status = TimerStatus.Fired;
            timer.Version++;
            return false;
        }

        return true;
    }

    private LocalDate ReadDate(string variable, string elementId)
    {
        if (variables[variable] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        throw new ElementFailedException($"The timer at '{elementId}' counts from the variable '{variable}', which is not a date (yyyy-MM-dd).");
    }

    // ---- activities -----------------------------------------------------------------------------------------------

    private Activity CreateActivity(ActivityDescriptor descriptor, TaskNode node)
    {
        var activity = (Activity)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var (name, text) in node.Inputs)
        {
            var input = descriptor.Input(name)!;
            object? value;
            if (text.TrimStart().StartsWith('='))
            {
                JsonNode? result;
                try
                {
                    result = services.Scripts.Evaluate(text, variables);
                }
                catch (ScriptException e)
                {
                    throw new ElementFailedException($"Input '{input.Name}': {e.Message}", e);
                }

                try
                {
                    value = result.Deserialize(input.Property.PropertyType, WorkflowJson.Options);
                }
                catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
                {
                    throw new ElementFailedException($"Input '{input.Name}': the expression gave {result?.ToJsonString() ?? "null"}, which is not a valid {input.Type}.", e);
                }
            }
            else if (!ValueTypes.TryConvertLiteral(text, input.Property.PropertyType, out value, out var error))
            {
                throw new ElementFailedException($"Input '{input.Name}': {error}");
            }

            if (value is null && input.Required)
            {
                throw new ElementFailedException($"The required input '{input.Name}' is empty.");
            }

            input.Property.SetValue(activity, value);
        }

        return activity;
    }

    private ActivityContext ActivityContextFor(TaskNode node) =>
        new(instance.Id, node.Id, instance.CorrelationId, now, variables, actor == Actor.System ? null : actor.UserId, services.Services, effects);

    private void WriteOutputs(ActivityDescriptor descriptor, TaskNode node, Activity activity)
    {
        foreach (var output in descriptor.Outputs)
        {
            var name = node.Outputs.TryGetValue(output.Name, out var mapped) ? mapped : output.DefaultVariable;
            if (name == InstanceOffice.VariableName)
            {
                continue; // the engine's mirror of the instance's office; an activity moves the instance with MoveInstanceToOffice
            }

            var value = output.Property.GetValue(activity);
            variables[name] = value is null ? null : JsonSerializer.SerializeToNode(value, output.Property.PropertyType, WorkflowJson.Options);
        }
    }

    // ---- bookkeeping ----------------------------------------------------------------------------------------------

    private Token NewToken(ScopeInstance scope, FlowNode node, string? via, bool enqueue = true)
    {
        var token = new Token { Id = state.NewId("t"), ScopeInstanceId = scope.Id, ElementId = node.Id, ArrivedVia = via, Status = TokenStatus.Active };
        state.Tokens.Add(token);
        if (enqueue)
        {
            ready.Enqueue(token);
        }

        return token;
    }

    private void RaiseIncident(Token? token, FlowNode node, string message, bool leaving, string? scopeInstanceId = null)
    {
        if (token is not null)
        {
            token.Status = TokenStatus.Incident;
            token.FailedLeaving = leaving;
        }

        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            InstanceId = instance.Id,
            ElementId = node.Id,
            TokenId = token?.Id,
            ScopeInstanceId = scopeInstanceId,
            Message = message,
            CreatedAt = now,
        };
        openIncidents.Add(incident);
        db.Incidents.Add(incident);
        Journal(JournalKinds.IncidentRaised, node.Id, new { incidentId = incident.Id, message });
    }

    private void ResolveIncident(Incident incident)
    {
        incident.ResolvedAt = now;
        incident.ResolvedBy = actor.UserId;
        Journal(JournalKinds.IncidentResolved, incident.ElementId, new { incidentId = incident.Id });
    }

    /// <summary>Re-runs a failed subscription of an event sub-process start (its incident has no token).</summary>
    public async Task RetrySubscriptionAsync(Incident incident, CancellationToken cancellationToken)
    {
        ResolveIncident(incident);
        var scope = state.Scope(incident.ScopeInstanceId);
        if (scope is not null && model.Node(incident.ElementId) is StartEventNode start)
        {
            try
            {
                await SubscribeAsync(start.Trigger!, start.Id, tokenId: null, scope.Id, cancellationToken);
            }
            catch (ElementFailedException e)
            {
                RaiseIncident(null, start, e.Message, leaving: false, scope.Id);
            }
        }
    }

    private void Merge(JsonObject? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var (name, value) in values)
        {
            if (name != InstanceOffice.VariableName) // the engine's mirror of the instance's office
            {
                variables[name] = value?.DeepClone();
            }
        }
    }

    /// <summary>The <c>office</c> variable mirrors the instance's office, so expressions can read it.</summary>
    private void MirrorOffice()
    {
        if (instance.Office is null)
        {
            variables.Remove(InstanceOffice.VariableName);
        }
        else
        {
            variables[InstanceOffice.VariableName] = instance.Office;
        }
    }

    /// <summary>An activity that succeeded moved the instance: tasks opened from now on, and the open ones at save, go with it.</summary>
    private void ApplyOfficeMove(string elementId)
    {
        if (effects.MoveToOffice is not { } office)
        {
            return;
        }

        effects.MoveToOffice = null;
        if (string.Equals(office, instance.Office, StringComparison.Ordinal))
        {
            return;
        }

        Journal(JournalKinds.OfficeChanged, elementId, new { from = instance.Office, to = office });
        instance.Office = office;
        movedOffice = true;
        MirrorOffice();
    }

    /// <summary>A message event with <c>vp:receivedOn</c> records the day the message arrived, from the engine's clock.</summary>
    private void SetReceivedOn(EventTrigger? trigger)
    {
        if (trigger is MessageTrigger { ReceivedOnVariable: { } variable })
        {
            variables[variable] = Stockholm.DateOf(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private void Journal(string kind, string? elementId, object? data)
    {
        db.Journal.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            At = now,
            Kind = kind,
            ElementId = elementId,
            Actor = actor.UserId,
            Data = data is null ? null : JsonSerializer.Serialize(data, WorkflowJson.Options),
        });
    }
}

/// <summary>The completing user's roles and office, for activities that check who may do what.</summary>
internal sealed record HumanTaskContextInfo(IReadOnlySet<string> Roles, string? Office);
