using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NodaTime;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Hosting;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Simulation;

/// <summary>
/// An engine of its own for one simulation: the same registrations as the real one (<see cref="WorkflowsServiceCollectionExtensions.AddWorkflows"/>
/// and the domain's), but on the simulation's database, on a <see cref="SimulatedClock"/> of its own, and without
/// Hangfire, so it has no jobs, no recurring sweep and nothing in the real queues. It lives for one request: its clock
/// is read from and saved to the simulation's database (<c>workflows.clock_state</c>), so a restarted Host goes on
/// where the simulation was.
/// </summary>
public sealed class SandboxEngine : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private SandboxEngine(ServiceProvider provider)
    {
        this.provider = provider;
        Clock = provider.GetRequiredService<SimulatedClock>();
    }

    public IServiceProvider Services => provider;

    public SimulatedClock Clock { get; }

    /// <param name="start">Where the clock starts when the database has no stored time yet (a new simulation).</param>
    /// <param name="addDomain">The domain's registrations (activities, their stores, options), as the Host adds them.</param>
    public static async Task<SandboxEngine> OpenAsync(string connectionString, Instant start, Action<IServiceCollection> addDomain, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddWorkflows(new WorkflowsOptions
        {
            ConnectionString = connectionString,
            SimulatedClock = true,
            SimulatedClockStart = start,
            UseHangfire = false,
            RunHangfireServer = false,
        });
        addDomain(services);
        var engine = new SandboxEngine(services.BuildServiceProvider());
        try
        {
            await engine.RestoreClockAsync(cancellationToken);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    /// <summary>
    /// Applies the engine's migrations to a new simulation's database and copies the real deadline rules, every version,
    /// so the simulation computes its deadlines as the real cases do (an administrator's change included); rules the
    /// real database lacks are seeded as at a first start.
    /// </summary>
    public async Task MigrateAsync(IReadOnlyList<DeadlineRule> realRules, CancellationToken cancellationToken)
    {
        await using (var db = await ContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            db.DeadlineRules.AddRange(realRules.Select(Copy));
            await db.SaveChangesAsync(cancellationToken);
        }

        await Get<DeadlineRuleSeeder>().SeedAsync(cancellationToken);
    }

    private static DeadlineRule Copy(DeadlineRule rule) => new()
    {
        Id = rule.Id,
        Key = rule.Key,
        Version = rule.Version,
        Period = rule.Period,
        LegalReference = rule.LegalReference,
        Description = rule.Description,
        EffectiveFrom = rule.EffectiveFrom,
        MoveToNextWorkingDay = rule.MoveToNextWorkingDay,
        ReminderLeadTime = rule.ReminderLeadTime,
        PastEffectiveDateConfirmed = rule.PastEffectiveDateConfirmed,
        ChangedBy = rule.ChangedBy,
        ChangeReason = rule.ChangeReason,
        CreatedAt = rule.CreatedAt,
    };

    public Task<WorkflowsDbContext> ContextAsync(CancellationToken cancellationToken) =>
        Get<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(cancellationToken);

    /// <summary>Stores the clock; the stored time never goes back.</summary>
    public async Task SaveClockAsync(CancellationToken cancellationToken)
    {
        await using var db = await ContextAsync(cancellationToken);
        await StoredClock.SaveAsync(db, Clock.GetCurrentInstant(), cancellationToken);
    }

    private async Task RestoreClockAsync(CancellationToken cancellationToken)
    {
        await using var db = await ContextAsync(cancellationToken);
        if (!await TablesExistAsync(db, cancellationToken))
        {
            return;
        }

        var saved = await db.ClockState.AsNoTracking().FirstOrDefaultAsync(c => c.Id == 1, cancellationToken);
        if (saved is not null && saved.Now > Clock.GetCurrentInstant() && SimulatedClock.IsUsable(saved.Now))
        {
            Clock.AdvanceTo(saved.Now);
        }
    }

    private static async Task<bool> TablesExistAsync(WorkflowsDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"SELECT to_regclass('workflows.clock_state') IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // The engine's data source is registered as an instance, which the container does not dispose; its pool would
        // keep connections to the simulation's database open.
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        await provider.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}
