using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// One step of one instance: it is given the instance as loaded, applies a trigger (start, task completion, timer,
/// message, retry), runs every token until it waits, and completes the scopes that have no tokens left. What an element
/// does is its <see cref="ElementBehavior"/>; the step holds the state they share, and <see cref="StepWriter"/> saves
/// it in one transaction.
/// </summary>
internal sealed class InstanceStep
{
    private readonly Queue<Token> ready = new();

    public InstanceStep(
        StepServices services,
        WorkflowsDbContext db,
        WorkflowInstance instance,
        ProcessModel model,
        List<Bookmark> bookmarks,
        List<Incident> openIncidents,
        DeadlineRuleBook rules,
        Actor actor,
        Instant now)
    {
        Services = services;
        Instance = instance;
        Model = model;
        Actor = actor;
        Now = now;
        State = ExecutionState.Deserialize(instance.State);
        Variables = new InstanceVariables(JsonNode.Parse(instance.Variables) as JsonObject ?? [], services.OfficeVariable);
        Variables.MirrorOffice(instance.Office);
        Journal = new StepJournal(db, instance.Id, actor, now);
        Incidents = new StepIncidents(db, instance.Id, openIncidents, Journal, actor, now);
        Writer = new StepWriter(db, instance, now);
        Effects = new StepEffects((elementId, message, detail) => Journal.Write(JournalKinds.Note, elementId, new { message, detail }));
        Subscriptions = new Subscriptions(db, instance, bookmarks, Writer, Journal, new TimerFactory(instance, Variables, rules, now), now);
        Activities = new ActivityFactory(services, instance, Variables, actor, now, Effects);
        Cancellation = new TokenCancellation(this);
        Scopes = new ScopeOpening(this);
    }

    public StepServices Services { get; }

    public WorkflowInstance Instance { get; }

    public ProcessModel Model { get; }

    public Actor Actor { get; }

    public Instant Now { get; }

    public ExecutionState State { get; }

    public InstanceVariables Variables { get; }

    public StepJournal Journal { get; }

    public StepIncidents Incidents { get; }

    public Subscriptions Subscriptions { get; }

    public ActivityFactory Activities { get; }

    public StepEffects Effects { get; }

    public StepWriter Writer { get; }

    public TokenCancellation Cancellation { get; }

    public ScopeOpening Scopes { get; }

    /// <summary>Domain data to write in this step's transaction (a case created with its workflow, say).</summary>
    public void AlsoSave(Func<StepTransaction, CancellationToken, Task> write) => Effects.AlsoSave.Add(write);

    public IEnumerable<HumanTask> CreatedTasks => Subscriptions.CreatedTasks;

    // ---- triggers -------------------------------------------------------------------------------------------------

    public async Task StartAsync(StartEventNode start, JsonObject? initialVariables, CancellationToken cancellationToken)
    {
        Variables.Merge(initialVariables);
        Variables.SetReceivedOn(start.Trigger, Now);
        Journal.Write(JournalKinds.InstanceStarted, start.Id, new { definition = Model.Key, version = Instance.DefinitionVersion, variables = initialVariables });
        var root = Scopes.Open(Model.Root.Id, parent: null, owner: null);
        Leave(NewToken(root, start, via: null, enqueue: false), start);
        await RunAsync(cancellationToken);
    }

    public async Task CompleteTaskAsync(HumanTask task, Bookmark bookmark, JsonObject data, HumanTaskContextInfo who, CancellationToken cancellationToken)
    {
        await TaskBehavior.CompleteAsync(this, task, bookmark, data, who, cancellationToken);
        await RunAsync(cancellationToken);
    }

    /// <summary>A timer fired or a message arrived for this bookmark.</summary>
    public async Task TriggerAsync(Bookmark bookmark, JsonObject? payload, WorkflowTimer? firedTimer, CancellationToken cancellationToken)
    {
        if (!Subscriptions.Contains(bookmark))
        {
            return; // removed earlier in this step, e.g. by an interrupting event
        }

        Variables.Merge(payload);
        var node = Model.Node(bookmark.ElementId);
        Variables.SetReceivedOn(node switch
        {
            StartEventNode start => start.Trigger,
            IntermediateCatchEventNode catchEvent => catchEvent.Trigger,
            BoundaryEventNode boundary => boundary.Trigger,
            _ => null,
        }, Now);
        var oneShot = firedTimer is null ? bookmark.Kind != BookmarkKind.Message : !firedTimer.Fire(Now);
        if (firedTimer is not null)
        {
            Writer.FiredInStep(firedTimer.Id);
            Journal.Write(JournalKinds.TimerFired, node.Id, new { timerId = firedTimer.Id, dueDate = firedTimer.DueDate });
        }
        else
        {
            Journal.Write(JournalKinds.MessageReceived, node.Id, new { message = bookmark.MessageName, payload });
        }

        await ElementBehaviors.For(node).TriggerAsync(this, bookmark, node, oneShot, cancellationToken);
        await RunAsync(cancellationToken);
    }

    public async Task RetryAsync(Incident incident, CancellationToken cancellationToken)
    {
        Incidents.Resolve(incident);
        if (State.Token(incident.TokenId) is { Status: TokenStatus.Incident } token)
        {
            token.Status = TokenStatus.Active;
            if (token.FailedLeaving)
            {
                token.FailedLeaving = false;
                Leave(token, Model.Node(token.ElementId));
            }
            else
            {
                ready.Enqueue(token);
            }
        }

        await RunAsync(cancellationToken);
    }

    /// <summary>Re-runs a failed subscription of an event sub-process start (its incident has no token).</summary>
    public void RetrySubscription(Incident incident)
    {
        Incidents.Resolve(incident);
        Scopes.Resubscribe(incident);
    }

    public Task SaveAsync(CancellationToken cancellationToken)
    {
        Instance.State = State.Serialize();
        Instance.Variables = Variables.Values.ToJsonString();
        Instance.OpenIncidents = Incidents.OpenCount;
        Instance.Revision++;
        return Writer.SaveAsync(Effects.AlsoSave, cancellationToken);
    }

    // ---- the token loop and the moves behaviours make -------------------------------------------------------------

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (ready.TryDequeue(out var token))
        {
            if (!State.Tokens.Contains(token) || token.Status != TokenStatus.Active)
            {
                continue; // cancelled while queued
            }

            var node = Model.Node(token.ElementId);
            try
            {
                await ElementBehaviors.For(node).EnterAsync(this, token, node, cancellationToken);
            }
            catch (ElementFailedException e)
            {
                Subscriptions.RemoveOf(token, TimerCancellation.Interrupted);
                Incidents.Raise(token, node, e.Message, leaving: false);
            }
        }
    }

    public Token NewToken(ScopeInstance scope, FlowNode node, string? via, bool enqueue = true)
    {
        var token = new Token { Id = State.NewId("t"), ScopeInstanceId = scope.Id, ElementId = node.Id, ArrivedVia = via, Status = TokenStatus.Active };
        State.Tokens.Add(token);
        if (enqueue)
        {
            ready.Enqueue(token);
        }

        return token;
    }

    /// <summary>Moves a token out of a node along the flows its behaviour selects; forks for several, ends it for none.</summary>
    public void Leave(Token token, FlowNode node)
    {
        IReadOnlyList<SequenceFlow> flows;
        try
        {
            flows = ElementBehaviors.For(node).Outgoing(this, node);
        }
        catch (ElementFailedException e)
        {
            Incidents.Raise(token, node, e.Message, leaving: true);
            return;
        }

        var scope = State.Scope(token.ScopeInstanceId)!;
        if (flows.Count == 0)
        {
            State.Tokens.Remove(token);
            CompleteScopeIfDone(scope);
            return;
        }

        token.ElementId = flows[0].Target.Id;
        token.ArrivedVia = flows[0].Id;
        token.Status = TokenStatus.Active;
        ready.Enqueue(token);
        foreach (var flow in flows.Skip(1))
        {
            NewToken(scope, flow.Target, flow.Id);
        }
    }

    public void CompleteActivity(Token token, FlowNode node)
    {
        Subscriptions.RemoveOf(token, TimerCancellation.ActivityCompleted);
        Cancellation.ResolveFiredDeadlines(node, TimerCancellation.ActivityCompleted);
        token.Status = TokenStatus.Active;
        Leave(token, node);
    }

    // ---- scope completion --------------------------------------------------------------------------

    public void CompleteScopeIfDone(ScopeInstance scope)
    {
        if (State.Tokens.Any(t => t.ScopeInstanceId == scope.Id))
        {
            return;
        }

        Subscriptions.RemoveInScope(scope.Id, TimerCancellation.ScopeEnded);
        State.Scopes.Remove(scope);
        if (scope.ParentId is null)
        {
            EndInstance();
            return;
        }

        var owner = State.Token(scope.OwnerTokenId)!;
        var ownerNode = (SubProcessNode)Model.Node(owner.ElementId);
        Journal.Write(JournalKinds.ElementCompleted, ownerNode.Id, null);
        if (ownerNode.TriggeredByEvent)
        {
            State.Tokens.Remove(owner);
            CompleteScopeIfDone(State.Scope(owner.ScopeInstanceId)!);
        }
        else
        {
            CompleteActivity(owner, ownerNode);
        }
    }

    private void EndInstance()
    {
        Subscriptions.RemoveAll(TimerCancellation.ScopeEnded);
        Incidents.ResolveAll();
        Instance.Status = Cancellation.Terminated ? InstanceStatus.Terminated : InstanceStatus.Completed;
        Instance.EndedAt = Now;
        Journal.Write(Cancellation.Terminated ? JournalKinds.InstanceTerminated : JournalKinds.InstanceCompleted, null, null);
    }

}
