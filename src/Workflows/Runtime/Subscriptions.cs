using NodaTime;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Time;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The bookmarks of an instance during a step: where it waits for a task, a message or a timer. Adding one subscribes
/// (and for a timer makes its row); removing one with a reason cancels its open task or pending timer too.
/// </summary>
internal sealed class Subscriptions(
    WorkflowsDbContext db,
    WorkflowInstance instance,
    List<Bookmark> bookmarks,
    StepWriter writer,
    StepJournal journal,
    TimerFactory timers,
    Instant now)
{
    private readonly Dictionary<Guid, HumanTask> newTasks = [];
    private readonly Dictionary<Guid, WorkflowTimer> newTimers = [];

    public IEnumerable<HumanTask> CreatedTasks => newTasks.Values.Where(t => t.Status == HumanTaskStatus.Open);

    public bool Contains(Bookmark bookmark) => bookmarks.Contains(bookmark);

    public Bookmark Add(BookmarkKind kind, string elementId, string? tokenId, string? scopeInstanceId, string? messageName)
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

    public void AddTask(Bookmark bookmark, HumanTask task)
    {
        newTasks[bookmark.Id] = task;
        db.Tasks.Add(task);
    }

    /// <summary>
    /// Removes a bookmark. With a reason (<paramref name="cancelled"/>), its open task or pending timer is cancelled
    /// too; without one the bookmark was used (the task completed, the timer fired, the message arrived).
    /// </summary>
    public void Remove(Bookmark bookmark, TimerCancellation? cancelled)
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

        if (bookmark.Kind == BookmarkKind.Task)
        {
            CancelTask(bookmark);
        }
        else if (bookmark.Kind == BookmarkKind.Timer)
        {
            CancelTimer(bookmark, reason);
        }
    }

    public void RemoveOf(Token token, TimerCancellation reason, Bookmark? except = null)
    {
        foreach (var bookmark in bookmarks.Where(b => b.TokenId == token.Id && b != except).ToList())
        {
            Remove(bookmark, reason);
        }
    }

    /// <summary>Removes the subscriptions whose lifetime is a scope's (its event sub-processes' start events).</summary>
    public void RemoveInScope(string scopeInstanceId, TimerCancellation reason)
    {
        foreach (var subscription in bookmarks.Where(b => b.ScopeInstanceId == scopeInstanceId).ToList())
        {
            Remove(subscription, reason);
        }
    }

    public void RemoveAll(TimerCancellation reason)
    {
        foreach (var leftover in bookmarks.ToList())
        {
            Remove(leftover, reason);
        }
    }

    /// <summary>The earliest deadline on the sub-processes around a token: a task inside one is due when its scope is.</summary>
    public LocalDate? EnclosingDueDate(ExecutionState state, Token token)
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

    /// <summary>Subscribes an activity's boundary events. Returns the due date of its deadline, if it has one.</summary>
    public LocalDate? SubscribeBoundaryEvents(Token token, ActivityNode node)
    {
        LocalDate? dueDate = null;
        foreach (var boundary in node.BoundaryEvents)
        {
            var timer = Subscribe(boundary.Trigger, boundary.Id, token.Id, scopeInstanceId: null);
            if (timer is not null && dueDate is null)
            {
                dueDate = timer.DueDate ?? Stockholm.DateOf(timer.DueAt);
            }
        }

        return dueDate;
    }

    /// <summary>Waits for a message or a timer at an element. Returns the timer it made, if any.</summary>
    public WorkflowTimer? Subscribe(EventTrigger trigger, string elementId, string? tokenId, string? scopeInstanceId)
    {
        switch (trigger)
        {
            case MessageTrigger message:
                Add(BookmarkKind.Message, elementId, tokenId, scopeInstanceId, message.MessageName);
                return null;
            case TimerTrigger timerTrigger:
                return SubscribeTimer(timerTrigger.Spec, elementId, tokenId, scopeInstanceId);
            default:
                throw new InvalidOperationException("Unknown trigger.");
        }
    }

    private WorkflowTimer SubscribeTimer(TimerSpec spec, string elementId, string? tokenId, string? scopeInstanceId)
    {
        WorkflowTimer timer;
        try
        {
            timer = timers.Create(spec, elementId);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // An anchor near the end of the calendar (say a mistyped year 9999) plus its period.
            throw new ElementFailedException($"The timer's due date falls outside the calendar (after 9999-12-31 or before year -9998): {e.Message}", e);
        }

        var bookmark = Add(BookmarkKind.Timer, elementId, tokenId, scopeInstanceId, null);
        // A copy of the timer's due date, so a task inside a sub-process shows its scope's deadline without loading timers.
        bookmark.DueDate = timer.DueDate ?? Stockholm.DateOf(timer.DueAt);
        timer.BookmarkId = bookmark.Id;
        newTimers[bookmark.Id] = timer;
        db.Timers.Add(timer);
        journal.Write(JournalKinds.TimerScheduled, elementId, new { timerId = timer.Id, dueAt = timer.DueAt, dueDate = timer.DueDate, rule = timer.DeadlineRuleKey, anchor = timer.AnchorVariable });
        return timer;
    }

    private void CancelTask(Bookmark bookmark)
    {
        if (newTasks.TryGetValue(bookmark.Id, out var task))
        {
            task.Status = HumanTaskStatus.Cancelled;
            task.CompletedAt = now;
        }
        else
        {
            writer.CancelTaskOf(bookmark.Id);
        }

        journal.Write(JournalKinds.TaskCancelled, bookmark.ElementId, null);
    }

    private void CancelTimer(Bookmark bookmark, TimerCancellation reason)
    {
        if (newTimers.TryGetValue(bookmark.Id, out var timer))
        {
            timer.Cancel(reason, now);
        }
        else
        {
            writer.CancelTimerOf(bookmark.Id, reason);
        }
    }
}
