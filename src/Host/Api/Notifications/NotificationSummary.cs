using NodaTime;
using Verkstallighet.Workflows.Notifications;

namespace Verkstallighet.Host.Api.Notifications;

/// <summary>A reminder as the API shows it: for whom, which case and task, when due, and by which rule.</summary>
public sealed record NotificationSummary(
    Guid Id, NotificationRecipientKind RecipientKind, string Recipient, Guid InstanceId, string? BusinessKey, string? CorrelationId,
    Guid TaskId, string TaskTitle, string? Office, LocalDate DueDate, string DeadlineRuleKey, int DeadlineRuleVersion, string LegalReference,
    Instant CreatedAt, Instant? ReadAt, string? ReadBy)
{
    public static NotificationSummary From(Notification n) =>
        new(n.Id, n.RecipientKind, n.Recipient, n.InstanceId, n.BusinessKey, n.CorrelationId, n.TaskId, n.TaskTitle, n.Office, n.DueDate,
            n.DeadlineRuleKey, n.DeadlineRuleVersion, n.LegalReference, n.CreatedAt, n.ReadAt, n.ReadBy);
}
