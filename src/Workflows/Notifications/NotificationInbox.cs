using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Notifications;

/// <summary>
/// A person's notifications: their own, and their office's queue for the roles they have there (never another
/// office's, whatever their role). The cases they name are recorded as read, as the task list records its cases.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<WorkflowsDbContext> contexts, InstanceAccess access, IClock clock)
{
    public const int MaxListed = 100;

    /// <summary>Unread first, then newest first; at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<Notification>> ListAsync(Actor actor, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        var roles = actor.Roles.ToList();
        var office = actor.Office;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => (n.RecipientKind == NotificationRecipientKind.User && n.Recipient == actor.UserId)
                        || (office != null && n.RecipientKind == NotificationRecipientKind.Office && n.Recipient == office && roles.Contains(n.CandidateRole)))
            .Where(n => !unreadOnly || n.ReadAt == null)
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        await access.RecordListedAsync(notifications.Select(n => n.InstanceId), actor, "notifications", cancellationToken);
        return notifications;
    }

    /// <summary>Marks one of the actor's notifications read: 404 when it does not exist, 403 when it is someone else's.</summary>
    public async Task<Notification> MarkReadAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Notification {id} does not exist.");
        if (!notification.IsFor(actor))
        {
            await access.RecordAsync(notification.InstanceId, actor, InstanceAccessKind.Denied, "notification (read)", CancellationToken.None);
            throw new ForbiddenException("The notification is for someone else or for another office's queue.");
        }

        if (notification.MarkRead(actor.UserId, clock.GetCurrentInstant()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return notification;
    }
}
