using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Notifications;

namespace Verkstallighet.Host.Api.Notifications;

/// <summary>The caller's reminders: their own and their office's queue's; marking one read.</summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/notifications", "Notifications");

        group.MapGet("/", ListNotifications)
            .WithSummary("My reminders, and my office's queue's for the roles I have there; unread first, then newest, at most 100.")
            .WithDescription("unread=true lists only those not yet read. A reminder goes to a task's assignee, or to its office's queue " +
                             "while no one holds the task, when the reminder lead time of the deadline's rule version is reached.");

        group.MapPost("/{id:guid}/read", MarkNotificationRead)
            .WithSummary("Marks one of my reminders read (for a queue's, read for the office). Reading it again changes nothing.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Ok<IEnumerable<NotificationSummary>>> ListNotifications(bool? unread, HttpContext context, NotificationInbox inbox, CancellationToken ct)
    {
        var notifications = await inbox.ListAsync(context.User.ToActor(), unread ?? false, ct);
        return TypedResults.Ok(notifications.Select(NotificationSummary.From));
    }

    public static async Task<Ok<NotificationSummary>> MarkNotificationRead(Guid id, HttpContext context, NotificationInbox inbox, CancellationToken ct)
    {
        var notification = await inbox.MarkReadAsync(id, context.User.ToActor(), ct);
        return TypedResults.Ok(NotificationSummary.From(notification));
    }
}
