using NodaTime;

namespace Verkstallighet.Workflows.Notifications;

/// <summary>
/// A reminder that a deadline is near: to the task's assignee, or to its office's queue (the office's people with the
/// task's candidate role) while no one holds it. Made once per timer and rule version (a unique key), so a sweep run
/// twice, or by two processes, makes one. Being read is the only change it ever has.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    public NotificationRecipientKind RecipientKind { get; set; }

    /// <summary>A user id (<see cref="NotificationRecipientKind.User"/>) or an office (<see cref="NotificationRecipientKind.Office"/>).</summary>
    public required string Recipient { get; set; }

    /// <summary>For an office's queue: the role whose people there see it, the task's candidate role.</summary>
    public required string CandidateRole { get; set; }

    public Guid TimerId { get; set; }

    public required string DeadlineRuleKey { get; set; }

    /// <summary>The rule version the deadline was counted with; with <see cref="TimerId"/>, the notification's unique key.</summary>
    public int DeadlineRuleVersion { get; set; }

    public required string LegalReference { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The instance's business key (a case number).</summary>
    public string? BusinessKey { get; set; }

    public string? CorrelationId { get; set; }

    public Guid TaskId { get; set; }

    public required string TaskTitle { get; set; }

    public string? Office { get; set; }

    public LocalDate DueDate { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant? ReadAt { get; set; }

    public string? ReadBy { get; set; }

    /// <summary>Whether it is <paramref name="actor"/>'s: addressed to them, or to the queue of their office for a role they have.</summary>
    public bool IsFor(Actor actor) => RecipientKind switch
    {
        NotificationRecipientKind.User => Recipient == actor.UserId,
        NotificationRecipientKind.Office => actor.Office is not null && Recipient == actor.Office && actor.IsInRole(CandidateRole),
        _ => false,
    };

    /// <summary>Marks it read; reading it again keeps the first reader and time. For a queue, one reader reads it for the office.</summary>
    public bool MarkRead(string by, Instant at)
    {
        if (ReadAt is not null)
        {
            return false;
        }

        ReadAt = at;
        ReadBy = by;
        return true;
    }
}
