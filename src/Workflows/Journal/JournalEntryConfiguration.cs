using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Journal;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("journal");
        e.Property(j => j.Data).HasColumnType("jsonb");
        e.HasIndex(j => new { j.InstanceId, j.Id });
    }
}
