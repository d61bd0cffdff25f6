using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkstallighet.Workflows.Access;

namespace Verkstallighet.Workflows.Runtime;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> e)
    {
        // Every step rewrites its instance row; room on the page lets PostgreSQL update it in place (HOT), without new
        // entries in every index.
        e.ToTable("instances");
        e.HasStorageParameter("fillfactor", 70);
        e.Property(i => i.DefinitionKey).HasMaxLength(100);
        e.Property(i => i.Office).HasMaxLength(InstanceOffice.MaxLength);
        e.Property(i => i.CorrelationId).HasMaxLength(200);
        e.Property(i => i.BusinessKey).HasMaxLength(200);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Variables).HasColumnType("jsonb");
        e.Property(i => i.State).HasColumnType("jsonb");
        e.Property(i => i.Revision).IsConcurrencyToken();
        e.HasIndex(i => i.CorrelationId);
        e.HasIndex(i => new { i.DefinitionKey, i.Status });
        e.HasMany(i => i.Bookmarks).WithOne().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
