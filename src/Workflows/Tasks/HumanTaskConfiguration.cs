using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Tasks;

internal sealed class HumanTaskConfiguration : IEntityTypeConfiguration<HumanTask>
{
    public void Configure(EntityTypeBuilder<HumanTask> e)
    {
        e.ToTable("human_tasks");
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Data).HasColumnType("jsonb");
        e.Property(t => t.BusinessKey).HasMaxLength(200);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => t.InstanceId);
        e.HasIndex(t => t.BookmarkId);
    }
}
