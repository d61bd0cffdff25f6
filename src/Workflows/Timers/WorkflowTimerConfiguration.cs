using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Timers;

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> e)
    {
        e.ToTable("timers");
        e.Property(t => t.CycleInterval).HasConversion(p => IsoTime.Format(p!), text => IsoTime.ParseStoredPeriod(text)); // EF converts no nulls
        e.HasStorageParameter("fillfactor", 70); // the sweep's lease update can then stay on the page (HOT)
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.CancelledBecause).HasConversion<string>().HasMaxLength(30);
        e.Property(t => t.ResolvedBecause).HasConversion<string>().HasMaxLength(30);
        e.Ignore(t => t.IsWaived);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.Property(t => t.LockedUntil).HasColumnType("timestamp with time zone");
        e.HasIndex(t => t.DueAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_timers_pending_due");
        // The reminders' sweep: pending deadlines of one rule version due in a range of days.
        e.HasIndex(t => new { t.DeadlineRuleKey, t.DeadlineRuleVersion, t.DueDate })
            .HasFilter("status = 'Pending' AND deadline_rule_key IS NOT NULL").HasDatabaseName("ix_timers_pending_deadlines");
        e.HasIndex(t => t.InstanceId);
        e.HasIndex(t => t.BookmarkId);
    }
}
