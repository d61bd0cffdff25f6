using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Runtime;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> e)
    {
        e.ToTable("bookmarks");
        e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(b => b.InstanceId);
        e.HasIndex(b => new { b.MessageName, b.CorrelationId }).HasFilter("kind = 'Message'");
    }
}
