using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verkstallighet.Workflows.Deadlines;

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> e)
    {
        e.ToTable("deadline_rules");
        e.HasIndex(r => new { r.Key, r.Version }).IsUnique();
    }
}
