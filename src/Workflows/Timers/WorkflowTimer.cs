using NodaTime;

namespace Verkstallighet.Workflows.Timers;

/// <summary>
/// A timer row, written in the same transaction as the instance state. The sweep claims due rows and enqueues one
/// Hangfire job per row with its (id, version); the job does nothing unless the row is still Pending at that version.
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

    public TimerStatus Status { get; set; }

    /// <summary>Bumped by every change (fire, cancel, reschedule), so a queued job for an older version is a no-op.</summary>
    public int Version { get; set; }

    /// <summary>For deadlines: the legal due date; the timer fires at the start of the next day.</summary>
    public LocalDate? DueDate { get; set; }

    public string? DeadlineRuleKey { get; set; }

    public int? DeadlineRuleVersion { get; set; }

    public string? AnchorVariable { get; set; }

    public LocalDate? AnchorDate { get; set; }

    /// <summary>For cycles: how many more times it fires after this one (null: unbounded).</summary>
    public int? RepeatsRemaining { get; set; }

    public string? CycleInterval { get; set; }

    /// <summary>
    /// For cycles: occurrence 0 of the series. Occurrence n is due at start + n × interval, each counted from the start
    /// and never from the previous occurrence, so a month-end truncation (31 Jan → 28 Feb) does not carry over to 31 Mar.
    /// </summary>
    public Instant? CycleStart { get; set; }

    /// <summary>For cycles: which occurrence of the series <see cref="DueAt"/> is.</summary>
    public int CycleOccurrence { get; set; }

    /// <summary>Lease of the sweep that enqueued it, in database time; a row whose lease ran out can be enqueued again.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>
    /// The <see cref="TimerLeaseHolder"/> (engine process) whose sweep holds the lease. When that process stops beating,
    /// another sweep takes the timer without waiting for <see cref="LockedUntil"/>. Deliberately no foreign key: a holder
    /// row is deleted when its process is found dead, and a lease that points at no live holder is free.
    /// </summary>
    public Guid? LockedBy { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant? FiredAt { get; set; }

    public TimerCancellation? CancelledBecause { get; set; }

    public Instant? CancelledAt { get; set; }

    /// <summary>
    /// For a fired deadline on an activity: when the activity it watched ended after all, late
    /// (<see cref="TimerCancellation.ActivityCompleted"/>) or interrupted. Until then the deadline is overdue.
    /// </summary>
    public Instant? ResolvedAt { get; set; }

    public TimerCancellation? ResolvedBecause { get; set; }

    public string? WaivedBy { get; set; }

    public string? WaiverReason { get; set; }

    /// <summary>When it was waived: a pending timer is cancelled then, a fired one only gets the waiver recorded.</summary>
    public Instant? WaivedAt { get; set; }

    public bool IsWaived => WaivedAt is not null || CancelledBecause == TimerCancellation.Waived;

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
}
