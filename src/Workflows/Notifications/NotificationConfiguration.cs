using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.Property(n => n.RecipientKind).HasConversion<string>().HasMaxLength(20);
        e.Property(n => n.BusinessKey).HasMaxLength(200);

        // One reminder per deadline and rule version: DeadlineReminders inserts ON CONFLICT on this key.
        e.HasIndex(n => new { n.TimerId, n.DeadlineRuleVersion }).IsUnique();
        e.HasIndex(n => new { n.RecipientKind, n.Recipient, n.CreatedAt });
    }
}
