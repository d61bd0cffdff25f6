namespace Verkstallighet.Workflows.Notifications;

public enum NotificationRecipientKind
{
    /// <summary>One person: the task's assignee.</summary>
    User,

    /// <summary>An office's queue: the task was not held by anyone.</summary>
    Office,
}
