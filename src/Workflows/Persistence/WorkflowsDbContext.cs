using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Persistence;

/// <summary>The engine's tables, in schema <c>workflows</c>.</summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    public const string Schema = "workflows";

    public DbSet<WorkflowDefinition> Definitions => Set<WorkflowDefinition>();

    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();

    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();

    public DbSet<HumanTask> Tasks => Set<HumanTask>();

    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();

    public DbSet<TimerLeaseHolder> TimerLeaseHolders => Set<TimerLeaseHolder>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();

    public DbSet<ClockState> ClockState => Set<ClockState>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);
        model.Entity<WorkflowDefinition>(MapDefinitions);
        model.Entity<WorkflowInstance>(MapInstances);
        model.Entity<Bookmark>(MapBookmarks);
        model.Entity<HumanTask>(MapTasks);
        model.Entity<WorkflowTimer>(MapTimers);
        model.Entity<TimerLeaseHolder>(MapTimerLeaseHolders);
        model.Entity<JournalEntry>(MapJournal);
        model.Entity<Incident>(MapIncidents);
        model.Entity<DeadlineRule>(MapDeadlineRules);
        model.Entity<ClockState>(MapClockState);
        SnakeCaseNames.Apply(model);
    }

    private static void MapDefinitions(EntityTypeBuilder<WorkflowDefinition> e)
    {
        e.ToTable("definitions");
        e.Property(d => d.Key).HasMaxLength(100);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        e.HasIndex(d => d.Key).IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_definitions_one_draft_per_key");
    }

    private static void MapInstances(EntityTypeBuilder<WorkflowInstance> e)
    {
        // Every step rewrites its instance row; room on the page lets PostgreSQL update it in place (HOT), without new
        // entries in every index.
        e.ToTable("instances");
        e.HasStorageParameter("fillfactor", 70);
        e.Property(i => i.DefinitionKey).HasMaxLength(100);
        e.Property(i => i.Office).HasMaxLength(Access.InstanceOffice.MaxLength);
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

    private static void MapBookmarks(EntityTypeBuilder<Bookmark> e)
    {
        e.ToTable("bookmarks");
        e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(b => b.InstanceId);
        e.HasIndex(b => new { b.MessageName, b.CorrelationId }).HasFilter("kind = 'Message'");
    }

    private static void MapTasks(EntityTypeBuilder<HumanTask> e)
    {
        e.ToTable("human_tasks");
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Data).HasColumnType("jsonb");
        e.Property(t => t.BusinessKey).HasMaxLength(200);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => t.InstanceId);
        e.HasIndex(t => t.BookmarkId);
        e.HasIndex(t => new { t.Office, t.Status });
        e.HasIndex(t => new { t.Assignee, t.Status });
    }

    private static void MapTimers(EntityTypeBuilder<WorkflowTimer> e)
    {
        e.ToTable("timers");
        e.HasStorageParameter("fillfactor", 70); // the sweep's lease update can then stay on the page (HOT)
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.CancelledBecause).HasConversion<string>().HasMaxLength(30);
        e.Property(t => t.ResolvedBecause).HasConversion<string>().HasMaxLength(30);
        e.Ignore(t => t.IsWaived);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.Property(t => t.LockedUntil).HasColumnType("timestamp with time zone");
        e.HasIndex(t => t.DueAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_timers_pending_due");
        e.HasIndex(t => t.InstanceId);
        e.HasIndex(t => t.BookmarkId);
    }

    private static void MapTimerLeaseHolders(EntityTypeBuilder<TimerLeaseHolder> e)
    {
        e.ToTable("timer_lease_holders");
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.Name).HasMaxLength(300);
    }

    private static void MapJournal(EntityTypeBuilder<JournalEntry> e)
    {
        e.ToTable("journal");
        e.Property(j => j.Data).HasColumnType("jsonb");
        e.HasIndex(j => new { j.InstanceId, j.Id });
    }

    private static void MapIncidents(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("incidents");
        e.HasIndex(i => i.InstanceId);
    }

    private static void MapDeadlineRules(EntityTypeBuilder<DeadlineRule> e)
    {
        e.ToTable("deadline_rules");
        e.HasIndex(r => new { r.Key, r.Version }).IsUnique();
    }

    private static void MapClockState(EntityTypeBuilder<ClockState> e)
    {
        e.ToTable("clock_state");
        e.Property(c => c.Id).ValueGeneratedNever();
    }
}
