using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using Verkstallighet.Activities.Assessments;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.FollowUps;
using Verkstallighet.Activities.Misconduct;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Activities.Statements;
using Verkstallighet.Activities.Transfers;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Json;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Activities.Persistence;

/// <summary>The domain's tables, in schema <c>verkstallighet</c>.</summary>
public sealed class VerkstallighetDbContext(DbContextOptions<VerkstallighetDbContext> options) : DbContext(options)
{
    public const string Schema = "verkstallighet";

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<MisconductReview> MisconductReviews => Set<MisconductReview>();

    public DbSet<CourtStatement> CourtStatements => Set<CourtStatement>();

    /// <summary>A context on a workflow step's connection and transaction: what it saves commits with the step.</summary>
    public static VerkstallighetDbContext On(StepTransaction step)
    {
        var builder = new DbContextOptionsBuilder<VerkstallighetDbContext>();
        Configure(builder, (NpgsqlConnection)step.Connection);
        var db = new VerkstallighetDbContext(builder.Options);
        db.Database.UseTransaction(step.Transaction);
        return db;
    }

    public static void Configure(DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, Npgsql);

    private static void Configure(DbContextOptionsBuilder builder, NpgsqlConnection connection) =>
        builder.UseNpgsql(connection, Npgsql);

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.UseNodaTime().MigrationsHistoryTable("__ef_migrations_history", Schema);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);

        // Trigram indexes let a search for part of a client's name use an index (ILIKE '%...%').
        model.HasPostgresExtension("pg_trgm");

        model.Entity<Case>(MapCases);
        model.Entity<AccessLogEntry>(MapAccessLog);
        model.Entity<RiskAssessment>(MapRiskAssessments);
        model.Entity<Plan>(MapPlans);
        model.Entity<FollowUp>(MapFollowUps);
        model.Entity<Transfer>(MapTransfers);
        model.Entity<MisconductReview>(MapMisconductReviews);
        model.Entity<CourtStatement>(MapCourtStatements);
        SnakeCaseNames.Apply(model);
    }

    private static void MapCases(EntityTypeBuilder<Case> e)
    {
        e.ToTable("cases");
        e.Property(c => c.Personnummer).HasMaxLength(12).IsFixedLength();
        e.Property(c => c.Sanction).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.RowVersion).IsRowVersion().HasColumnName("xmin");
        e.HasIndex(c => new { c.Office, c.Status });
        e.Property(c => c.Number).UseIdentityByDefaultColumn();
        e.HasIndex(c => c.Number).IsUnique();
        e.HasIndex(c => new { c.Office, c.Number }); // an office's cases, newest first, paged by number
        e.HasIndex(c => c.ClientName).HasMethod("gin").HasOperators("gin_trgm_ops");
        e.HasIndex(c => c.Personnummer);
        e.HasIndex(c => c.WorkflowInstanceId);
    }

    private static void MapAccessLog(EntityTypeBuilder<AccessLogEntry> e)
    {
        e.ToTable("access_log");
        e.HasIndex(a => new { a.CaseId, a.At });
    }

    private static void MapRiskAssessments(EntityTypeBuilder<RiskAssessment> e)
    {
        e.ToTable("risk_assessments");
        e.Property(r => r.RiskLevel).HasConversion<string>().HasMaxLength(10);
        e.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
        Json(e.Property(r => r.Factors));
        e.HasIndex(r => r.CaseId);
    }

    private static void MapPlans(EntityTypeBuilder<Plan> e)
    {
        e.ToTable("plans");
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.ClientParticipation).HasConversion<string>().HasMaxLength(20);
        Json(e.Property(p => p.Measures));
        Json(e.Property(p => p.KollegiumParticipants));
        e.HasIndex(p => new { p.CaseId, p.Version }).IsUnique();
    }

    private static void MapFollowUps(EntityTypeBuilder<FollowUp> e)
    {
        e.ToTable("follow_ups");
        e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(f => f.Decision).HasConversion<string>().HasMaxLength(30);
        Json(e.Property(f => f.Measures));
        e.HasIndex(f => f.CaseId);
    }

    private static void MapTransfers(EntityTypeBuilder<Transfer> e)
    {
        e.ToTable("transfers");
        e.HasIndex(t => t.CaseId);
    }

    private static void MapMisconductReviews(EntityTypeBuilder<MisconductReview> e)
    {
        e.ToTable("misconduct_reviews");
        e.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(m => m.CaseId);
    }

    private static void MapCourtStatements(EntityTypeBuilder<CourtStatement> e)
    {
        e.ToTable("court_statements");
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => new { s.CaseId, s.Number }).IsUnique();
        // At most one draft per case: two officers starting one at once cannot both succeed.
        e.HasIndex(s => s.CaseId).IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_court_statements_one_draft_per_case");
    }

    /// <summary>A list stored as one jsonb column.</summary>
    private static void Json<T>(PropertyBuilder<List<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, WorkflowJson.Options),
            json => JsonSerializer.Deserialize<List<T>>(json, WorkflowJson.Options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, WorkflowJson.Options) == JsonSerializer.Serialize(b, WorkflowJson.Options),
                value => JsonSerializer.Serialize(value, WorkflowJson.Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(value, WorkflowJson.Options), WorkflowJson.Options)!));
}
