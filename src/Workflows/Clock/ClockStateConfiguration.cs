using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Clock;

internal sealed class ClockStateConfiguration : IEntityTypeConfiguration<ClockState>
{
    public void Configure(EntityTypeBuilder<ClockState> e)
    {
        e.ToTable("clock_state");
        e.Property(c => c.Id).ValueGeneratedNever();
    }
}
