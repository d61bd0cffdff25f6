using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Definitions;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinition>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinition> e)
    {
        e.ToTable("definitions");
        e.Property(d => d.Key).HasMaxLength(100);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.ChangeNote).HasMaxLength(DefinitionService.MaxChangeNoteLength);
        e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        e.HasIndex(d => d.Key).IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_definitions_one_draft_per_key");
    }
}
