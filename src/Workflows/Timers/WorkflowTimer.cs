using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Verkstallighet.Workflows.Timers;

/// <summary>
/// A timer row, written in the same transaction as the instance state. The sweep claims due rows and enqueues one
/// Hangfire job per row with its (id, version); the job does nothing unless the row is still Pending at that version.
/// Its lifecycle (<see cref="Fire"/>, <see cref="Cancel"/>, <see cref="Waive"/>, <see cref="Reschedule"/>,
/// <see cref="Rearm"/>, <see cref="MigrateTo"/>, and <see cref="CancelAllAsync"/> and <see cref="ResolveAllAsync"/> for rows not loaded) is
/// only changed here. The lease fields (<see cref="LockedUntil"/>, <see cref="LockedBy"/>, <see cref="Attempts"/>,
/// <see cref="LastError"/>) are the sweep's, which writes them in SQL.
/// </summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; }

    /// <summary>Null for a process start timer, which starts a new instance.</summary>
    public Guid? InstanceId { get; set; }

    public Guid? DefinitionId { get; set; }

    public Guid? BookmarkId { get; set; }

    public required string ElementId { get; set; }

    public Instant DueAt { get; set; }

    public TimerStatus Status { get; private set; } = TimerStatus.Pending;

    /// <summary>Bumped by every change (fire, cancel, reschedule), so a queued job for an older version is a no-op.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>For deadlines: the legal due date; the timer fires at the start of the next day.</summary>
    public LocalDate? DueDate { get; set; }

    public string? DeadlineRuleKey { get; set; }

    public int? DeadlineRuleVersion { get; set; }

    public string? AnchorVariable { get; set; }

    public LocalDate? AnchorDate { get; set; }

    /// <summary>For cycles: how many more times it fires after this one (null: unbounded).</summary>
    public int? RepeatsRemaining { get; set; }

    public Period? CycleInterval { get; set; }

    /// <summary>
    /// For cycles: occurrence 0 of the series. Occurrence n is due at start + n × interval, each counted from the start
    /// and never from the previous occurrence, so a month-end truncation (31 Jan → 28 Feb) does not carry over to 31 Mar.
    /// </summary>
    public Instant? CycleStart { get; set; }

    /// <summary>For cycles: which occurrence of the series <see cref="DueAt"/> is.</summary>
    public int CycleOccurrence { get; set; }

    /// <summary>Lease of the sweep that enqueued it, in database time; a row whose lease ran out can be enqueued again.</summary>
    public DateTime? LockedUntil { get; private set; }

    /// <summary>
    /// The <see cref="TimerLeaseHolder"/> (engine process) whose sweep holds the lease. When that process stops beating,
    /// another sweep takes the timer without waiting for <see cref="LockedUntil"/>. Deliberately no foreign key: a holder
    /// row is deleted when its process is found dead, and a lease that points at no live holder is free.
    /// </summary>
    public Guid? LockedBy { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public Instant CreatedAt { get; set; }

    public Instant? FiredAt { get; private set; }

    public TimerCancellation? CancelledBecause { get; private set; }

    public Instant? CancelledAt { get; private set; }

    /// <summary>
    /// For a fired deadline on an activity: when the activity it watched ended after all, late
    /// (<see cref="TimerCancellation.ActivityCompleted"/>) or interrupted. Until then the deadline is overdue.
    /// </summary>
    public Instant? ResolvedAt { get; private set; }

    public TimerCancellation? ResolvedBecause { get; private set; }

    public string? WaivedBy { get; private set; }

    public string? WaiverReason { get; private set; }

    /// <summary>When it was waived: a pending timer is cancelled then, a fired one only gets the waiver recorded.</summary>
    public Instant? WaivedAt { get; private set; }

    public bool IsWaived => WaivedAt is not null || CancelledBecause == TimerCancellation.Waived;

    /// <summary>
    /// Fires the timer at <paramref name="at"/>. A cycle with an occurrence left moves on to it and stays pending (true);
    /// anything else is fired for good (false).
    /// </summary>
    public bool Fire(Instant at)
    {
        EnsurePending(nameof(Fire));
        FiredAt = at;
        if (TimerSchedule.NextRepetition(this, at) is { } next)
        {
            CycleOccurrence = next.Occurrence;
            RepeatsRemaining = next.RepeatsRemaining;
            Reschedule(next.DueAt, dueDate: null);
            return true;
        }

        Status = TimerStatus.Fired;
        Version++;
        return false;
    }

    /// <summary>Cancels a pending timer: it never fires. <paramref name="reason"/> says why (met, interrupted, ended, replaced).</summary>
    public void Cancel(TimerCancellation reason, Instant at)
    {
        EnsurePending(nameof(Cancel));
        Status = TimerStatus.Cancelled;
        CancelledBecause = reason;
        CancelledAt = at;
        Version++;
    }

    /// <summary>Moves a pending timer to a new due time (and, for a deadline, due date); a job for the old version is stale.</summary>
    public void Reschedule(Instant dueAt, LocalDate? dueDate)
    {
        EnsurePending(nameof(Reschedule));
        DueAt = dueAt;
        DueDate = dueDate ?? DueDate;
        Version++;
    }

    /// <summary>Arms a pending timer again at its due time, as a new version: after an incident, the sweep tries it afresh.</summary>
    public void Rearm()
    {
        EnsurePending(nameof(Rearm));
        Version++;
    }

    /// <summary>
    /// Re-points the timer to an element of another version of its workflow (a migration). A pending timer keeps its
    /// schedule, or takes that of <paramref name="recomputed"/>, made from the target's timer definition; a fired
    /// deadline only follows its element, so that it is still resolved when its activity ends. The version is bumped and
    /// the lease cleared: a fire job queued for the old version is stale, and the sweep claims the new one when it is due.
    /// </summary>
    public void MigrateTo(string elementId, Guid definitionId, WorkflowTimer? recomputed)
    {
        if (recomputed is not null || Status != TimerStatus.Fired)
        {
            EnsurePending(nameof(MigrateTo));
        }

        ElementId = elementId;
        DefinitionId = definitionId;
        if (recomputed is not null)
        {
            DueAt = recomputed.DueAt;
            DueDate = recomputed.DueDate;
            DeadlineRuleKey = recomputed.DeadlineRuleKey;
            DeadlineRuleVersion = recomputed.DeadlineRuleVersion;
            AnchorVariable = recomputed.AnchorVariable;
            AnchorDate = recomputed.AnchorDate;
        }

        if (Status == TimerStatus.Pending)
        {
            LockedUntil = null;
            LockedBy = null;
            Attempts = 0;
            LastError = null;
        }

        Version++;
    }

    /// <summary>Cancels every pending timer of <paramref name="timers"/> in one statement, as <see cref="Cancel"/> does one.</summary>
    public static Task<int> CancelAllAsync(IQueryable<WorkflowTimer> timers, TimerCancellation reason, Instant at, CancellationToken cancellationToken) =>
        timers.Where(t => t.Status == TimerStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TimerStatus.Cancelled)
            .SetProperty(t => t.CancelledBecause, reason)
            .SetProperty(t => t.CancelledAt, at)
            .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);

    /// <summary>
    /// Resolves every fired, unresolved deadline of <paramref name="timers"/>: the activity it watched ended after all,
    /// late (<see cref="TimerCancellation.ActivityCompleted"/>) or interrupted, and it no longer counts as overdue.
    /// </summary>
    public static Task<int> ResolveAllAsync(IQueryable<WorkflowTimer> timers, TimerCancellation reason, Instant at, CancellationToken cancellationToken) =>
        timers.Where(t => t.Status == TimerStatus.Fired && t.DueDate != null && t.ResolvedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ResolvedAt, at)
            .SetProperty(t => t.ResolvedBecause, reason)
            .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);

    /// <summary>
    /// Waives the deadline for a recorded reason (särskilda skäl). A pending timer is cancelled, so it never fires; a
    /// fired one keeps its history (the escalation it started goes on) and is no longer counted as overdue.
    /// </summary>
    public void Waive(string by, string reason, Instant at)
    {
        if (IsWaived || Status == TimerStatus.Cancelled)
        {
            throw new InvalidOperationException($"Timer {Id} is {Status} and cannot be waived.");
        }

        if (Status == TimerStatus.Pending)
        {
            Status = TimerStatus.Cancelled;
            CancelledBecause = TimerCancellation.Waived;
            CancelledAt = at;
        }

        WaivedBy = by;
        WaiverReason = reason;
        WaivedAt = at;
        Version++;
    }

    private void EnsurePending(string change)
    {
        if (Status != TimerStatus.Pending)
        {
            throw new InvalidOperationException($"Timer {Id} is {Status}; only a pending timer can {change.ToLowerInvariant()}.");
        }
    }
}
