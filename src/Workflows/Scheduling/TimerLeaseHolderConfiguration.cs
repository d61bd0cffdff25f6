using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Scheduling;

internal sealed class TimerLeaseHolderConfiguration : IEntityTypeConfiguration<TimerLeaseHolder>
{
    public void Configure(EntityTypeBuilder<TimerLeaseHolder> e)
    {
        e.ToTable("timer_lease_holders");
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.Name).HasMaxLength(300);
    }
}
