using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Time;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// Plans one instance's migration from <paramref name="source"/> to <paramref name="target"/>: every scope, token and
/// subscription goes to its mapped element (the same id unless mapped), which must exist and wait the same way
/// (<see cref="WaitCompatibility"/>), in the scope its token's scope goes to. Boundary events of a running activity
/// must map to boundary events of the activity's target, unless the request drops them (maps them to null).
/// </summary>
internal sealed class InstanceMigrationPlanner(
    ProcessModel source,
    ProcessModel target,
    int targetVersion,
    ElementMapping mapping,
    IReadOnlyDictionary<string, TimerMigrationChoice> timerChoices,
    DeadlineRuleBook rules)
{
    public InstanceMigrationPlan Plan(MigrationCandidate candidate)
    {
        var state = ExecutionState.Deserialize(candidate.Instance.State);
        var plan = new InstanceMigrationPlan(candidate, state, InstanceDiagrams.WaitingNodes(state, source).Select(n => n.Id).ToList());
        if (candidate.Instance.OpenIncidents > 0)
        {
            plan.Problem(null, $"The instance has {candidate.Instance.OpenIncidents} open incident(s); retry or resolve them before migrating it.");
        }

        MapScopes(plan);
        MapTokens(plan);
        var dueDates = new Dictionary<LocalDate, LocalDate?>(); // what open tasks that showed a deadline's date show now
        foreach (var bookmark in candidate.Instance.Bookmarks.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id))
        {
            MapBookmark(plan, bookmark, dueDates);
        }

        MapFiredDeadlines(plan);
        MapTasks(plan, dueDates);
        NoteUnsubscribedBoundaryEvents(plan);
        return plan;
    }

    private void MapScopes(InstanceMigrationPlan plan)
    {
        foreach (var scope in plan.State.Scopes)
        {
            if (scope.ScopeId == source.Root.Id)
            {
                plan.ScopeTargets[scope.Id] = target.Root.Id;
                continue;
            }

            // The owner token sits on the same sub-process element; its check says what is wrong with the element.
            if (mapping.Target(scope.ScopeId) is { } targetId && target.Nodes.TryGetValue(targetId, out var node) && node is SubProcessNode)
            {
                plan.ScopeTargets[scope.Id] = targetId;
                plan.Move(scope.ScopeId, targetId, "scope");
            }
        }
    }

    private void MapTokens(InstanceMigrationPlan plan)
    {
        foreach (var token in plan.State.Tokens)
        {
            if (token.Status == TokenStatus.Incident)
            {
                continue; // the instance's open incident is its problem already
            }

            if (token.Status == TokenStatus.Active || !source.Nodes.TryGetValue(token.ElementId, out var sourceNode))
            {
                plan.Problem(token.ElementId, "A token of the instance is not at rest at an element of its version; it cannot be migrated now.");
                continue;
            }

            if (Waits(plan, token.ElementId, "The instance waits here") is not { } targetNode)
            {
                continue;
            }

            if (WaitCompatibility.TokenRefusal(sourceNode, targetNode, token) is { } refusal)
            {
                plan.Problem(token.ElementId, refusal);
                continue;
            }

            if (plan.ScopeTargets.TryGetValue(token.ScopeInstanceId, out var scopeId) && targetNode.Scope.Id != scopeId)
            {
                plan.Problem(token.ElementId, $"'{targetNode.Id}' lies in '{targetNode.Scope.Id}' in version {targetVersion}, but the token's scope goes to '{scopeId}'.");
                continue;
            }

            plan.TokenTargets[token.Id] = targetNode.Id;
            plan.Move(token.ElementId, targetNode.Id, "token");
        }
    }

    /// <summary>The target element <paramref name="sourceId"/> maps to, or null after recording why there is none.</summary>
    private FlowNode? Waits(InstanceMigrationPlan plan, string sourceId, string what, bool droppable = false)
    {
        var drop = droppable ? ", or drop it (map it to null)" : "";
        if (mapping.Target(sourceId) is not { } targetId)
        {
            plan.Problem(sourceId, $"{what}, so it cannot be dropped; map it to an element of version {targetVersion}.");
            return null;
        }

        if (!target.Nodes.TryGetValue(targetId, out var node))
        {
            plan.Problem(sourceId, targetId == sourceId
                ? $"{what}, and version {targetVersion} has no element '{sourceId}'; map it to one that can wait the same way{drop}."
                : $"{what}; it is mapped to '{targetId}', which version {targetVersion} does not have{drop}.");
            return null;
        }

        return node;
    }

    private void MapBookmark(InstanceMigrationPlan plan, Bookmark bookmark, Dictionary<LocalDate, LocalDate?> dueDates)
    {
        var token = plan.State.Token(bookmark.TokenId);
        var timer = bookmark.Kind == BookmarkKind.Timer
            ? plan.Candidate.Timers.Find(t => t.BookmarkId == bookmark.Id && t.Status == TimerStatus.Pending)
            : null;
        FlowNode? targetNode;
        if (token is not null && token.ElementId == bookmark.ElementId)
        {
            // The task or catch event the token waits at: it goes where the token goes.
            targetNode = plan.TokenTargets.TryGetValue(token.Id, out var tokenTarget) ? target.Node(tokenTarget) : null;
        }
        else if (mapping.IsDropped(bookmark.ElementId) && source.Nodes.GetValueOrDefault(bookmark.ElementId) is BoundaryEventNode or StartEventNode)
        {
            plan.Drop(bookmark, timer);
            if (timer is not null && bookmark.DueDate is { } dropped)
            {
                dueDates.TryAdd(dropped, null);
            }

            return;
        }
        else
        {
            targetNode = Subscription(plan, bookmark, token);
        }

        if (targetNode is null)
        {
            return;
        }

        var message = bookmark.Kind == BookmarkKind.Message ? (WaitCompatibility.TriggerOf(targetNode) as MessageTrigger)?.MessageName : null;
        var dueDate = bookmark.DueDate;
        if (timer is not null && PlanTimer(plan, timer, targetNode) is { } recomputed)
        {
            dueDate = recomputed.DueDate ?? Stockholm.DateOf(recomputed.DueAt);
            if (bookmark.DueDate is { } old && old != dueDate)
            {
                dueDates.TryAdd(old, dueDate);
            }
        }

        plan.Bookmarks.Add(new BookmarkMove(bookmark, targetNode.Id, message ?? bookmark.MessageName, dueDate));
        if (token is null || token.ElementId != bookmark.ElementId)
        {
            plan.Move(bookmark.ElementId, targetNode.Id, "subscription");
        }
    }

    /// <summary>
    /// The target of a subscription that is not where its token waits: a boundary event of the token's activity, a
    /// catch event after the token's event-based gateway, or an event sub-process's start in the bookmark's scope.
    /// </summary>
    private FlowNode? Subscription(InstanceMigrationPlan plan, Bookmark bookmark, Token? token)
    {
        var sourceNode = source.Nodes.GetValueOrDefault(bookmark.ElementId);
        var what = sourceNode switch
        {
            BoundaryEventNode boundary => $"The boundary event is subscribed while '{boundary.AttachedTo.Id}' runs",
            StartEventNode => "The event sub-process's start is subscribed while its scope runs",
            _ => "The instance waits for this event",
        };
        if (sourceNode is null || Waits(plan, bookmark.ElementId, what, droppable: sourceNode is BoundaryEventNode or StartEventNode) is not { } node)
        {
            return null;
        }

        var owner = token is not null && plan.TokenTargets.TryGetValue(token.Id, out var ownerTarget) ? ownerTarget : null;
        var scope = bookmark.ScopeInstanceId is { } scopeInstance ? plan.ScopeTargets.GetValueOrDefault(scopeInstance) : null;
        var refusal = (sourceNode, node) switch
        {
            _ when !WaitCompatibility.SameTriggerKind(WaitCompatibility.TriggerOf(sourceNode), WaitCompatibility.TriggerOf(node)) =>
                $"'{node.Id}' ({WaitCompatibility.Describe(node)}) is no event of the same kind (timer or message) as '{sourceNode.Id}'.",
            (BoundaryEventNode, BoundaryEventNode b) when owner is not null && b.AttachedTo.Id != owner =>
                $"'{node.Id}' is attached to '{b.AttachedTo.Id}' in version {targetVersion}, but its activity goes to '{owner}'; map the boundary event to one of '{owner}', or drop it (map it to null).",
            (BoundaryEventNode, not BoundaryEventNode) => $"'{node.Id}' is no boundary event; map it to one, or drop it (map it to null).",
            (IntermediateCatchEventNode, IntermediateCatchEventNode c) when owner is not null && !c.Incoming.Exists(f => f.Source.Id == owner) =>
                $"'{node.Id}' does not follow the event-based gateway '{owner}' in version {targetVersion}.",
            (StartEventNode, StartEventNode { Scope.Owner: { TriggeredByEvent: true } esp }) when scope is not null && esp.Scope.Id != scope =>
                $"'{node.Id}' starts an event sub-process of '{esp.Scope.Id}' in version {targetVersion}, but the scope goes to '{scope}'.",
            (StartEventNode, not StartEventNode { Scope.Owner.TriggeredByEvent: true }) => $"'{node.Id}' is no event sub-process start; map it to one, or drop it (map it to null).",
            _ => null,
        };
        if (refusal is not null)
        {
            plan.Problem(bookmark.ElementId, refusal);
            return null;
        }

        return node;
    }

    /// <summary>Plans a pending timer's move; returns its recomputed schedule when the request chose to recompute it.</summary>
    private WorkflowTimer? PlanTimer(InstanceMigrationPlan plan, WorkflowTimer timer, FlowNode targetNode)
    {
        var choice = timerChoices.GetValueOrDefault(timer.ElementId, TimerMigrationChoice.Keep);
        if (choice == TimerMigrationChoice.Keep || WaitCompatibility.TriggerOf(targetNode) is not TimerTrigger { Spec: var spec })
        {
            plan.MoveTimer(timer, targetNode.Id, null, TimerMigrationChoice.Keep, report: true);
            return null;
        }

        if (spec.Kind == TimerSpecKind.Cycle || timer.CycleInterval is not null)
        {
            plan.Problem(timer.ElementId, "A cycle timer keeps its schedule in a migration; choose Keep for it.");
            return null;
        }

        try
        {
            // From the same anchor variable, or a literal duration from when the wait began, never from today.
            var variables = new InstanceVariables(JsonNode.Parse(plan.Instance.Variables) as JsonObject ?? [], officeVariable: null);
            var recomputed = new TimerFactory(plan.Instance, variables, rules, timer.CreatedAt).Create(spec, targetNode.Id);
            plan.MoveTimer(timer, targetNode.Id, recomputed, choice, report: true);
            return recomputed;
        }
        catch (Exception e) when (e is ElementFailedException or ArgumentOutOfRangeException or OverflowException or InvalidOperationException)
        {
            plan.Problem(timer.ElementId, $"The timer cannot be recomputed with '{targetNode.Id}' of version {targetVersion}: {e.Message}");
            return null;
        }
    }

    /// <summary>A fired deadline not yet resolved follows its element, so it is resolved when its activity ends after all.</summary>
    private void MapFiredDeadlines(InstanceMigrationPlan plan)
    {
        foreach (var timer in plan.Candidate.Timers.Where(t => t.Status == TimerStatus.Fired))
        {
            if (mapping.Target(timer.ElementId) is { } targetId && target.Nodes.ContainsKey(targetId))
            {
                plan.MoveTimer(timer, targetId, null, TimerMigrationChoice.Keep, report: false);
            }
            else
            {
                plan.Note($"The overdue deadline of '{timer.ElementId}' stays as it is: version {targetVersion} has no element for it.");
            }
        }
    }

    private void MapTasks(InstanceMigrationPlan plan, Dictionary<LocalDate, LocalDate?> dueDates)
    {
        foreach (var task in plan.Candidate.Tasks)
        {
            var bookmark = plan.Instance.Bookmarks.Find(b => b.Id == task.BookmarkId);
            var moved = bookmark is null ? null : plan.Bookmarks.Find(m => m.Bookmark == bookmark);
            if (moved is null)
            {
                continue; // its token's problem says why
            }

            var dueDate = task.DueDate is { } old && dueDates.TryGetValue(old, out var recomputed) ? recomputed : task.DueDate;
            plan.MoveTask(task, (TaskNode)target.Node(moved.ElementId), dueDate);
        }
    }

    private void NoteUnsubscribedBoundaryEvents(InstanceMigrationPlan plan)
    {
        foreach (var (tokenId, targetId) in plan.TokenTargets)
        {
            if (target.Node(targetId) is not ActivityNode activity || plan.State.Token(tokenId)?.Status != TokenStatus.Waiting)
            {
                continue;
            }

            var subscribed = plan.Bookmarks.Where(m => m.Bookmark.TokenId == tokenId).Select(m => m.ElementId).ToHashSet(StringComparer.Ordinal);
            foreach (var boundary in activity.BoundaryEvents.Where(b => !subscribed.Contains(b.Id)))
            {
                plan.Note($"'{boundary.Id}' on '{activity.Id}' is new to this running activity and is not subscribed; it will be when '{activity.Id}' is next entered.");
            }
        }
    }
}
