using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Deadlines;

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> e)
    {
        e.ToTable("deadline_rules");
        e.Property(r => r.Period).HasConversion(p => IsoTime.Format(p), text => IsoTime.ParseStoredPeriod(text));
        e.Property(r => r.ReminderLeadTime).HasConversion(p => IsoTime.Format(p!), text => IsoTime.ParseStoredPeriod(text)); // EF converts no nulls
        e.HasIndex(r => new { r.Key, r.Version }).IsUnique();
    }
}
