using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// Migrates running instances to another version of their workflow, for a process owner or administrator: a dry run
/// reports what would change for each selected instance, and an apply does it for all of them in one transaction or
/// not at all. An apply checks everything again first, and refuses (409, nothing changed) when the plan has problems,
/// when the selection or an instance's revision differs from the dry run it names, or when a step changes an instance
/// while it runs.
/// </summary>
public sealed class InstanceMigrations(
    IDbContextFactory<WorkflowsDbContext> contexts, ProcessModelCache models, DeadlineRuleStore rules, InstanceAccess access, IClock clock)
{
    public async Task<MigrationReport> DryRunAsync(MigrationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        access.EnsureMigrator(actor, "dry-run a migration");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await MigrationScope.LoadAsync(db, request, models, await rules.BookAsync(cancellationToken), cancellationToken);
        var candidates = await MigrationSelection.LoadAsync(db, scope.SourceDefinition, scope.Source, request, tracked: false, cancellationToken);
        var unselected = await MigrationSelection.UnselectedAsync(db, request, candidates, cancellationToken);
        var report = scope.Report(candidates.Select(scope.Planner.Plan), unselected, applied: false);
        await access.RecordListedAsync(candidates.Select(c => c.Instance.Id), actor, "migration dry run", cancellationToken);
        return report;
    }

    public async Task<MigrationReport> ApplyAsync(MigrationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        access.EnsureMigrator(actor, "migrate instances");
        if (request.ExpectedRevisions is null)
        {
            throw new BadRequestException("An apply needs expectedRevisions: the revisions its dry run reported, instance by instance.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var scope = await MigrationScope.LoadAsync(db, request, models, await rules.BookAsync(cancellationToken), cancellationToken);
        var candidates = await MigrationSelection.LoadAsync(db, scope.SourceDefinition, scope.Source, request, tracked: true, cancellationToken);
        if (Stale(request.ExpectedRevisions, candidates) is { Count: > 0 } stale)
        {
            throw new MigrationRefusedException("The instances changed since the dry run; nothing was migrated. Run a new dry run.", stale);
        }

        var plans = candidates.Select(scope.Planner.Plan).ToList();
        var report = scope.Report(plans, await MigrationSelection.UnselectedAsync(db, request, candidates, cancellationToken), applied: true);
        if (!report.CanApply)
        {
            throw new MigrationRefusedException("The migration cannot be applied cleanly; nothing was migrated.", report.Problems);
        }

        var now = clock.GetCurrentInstant();
        foreach (var plan in plans)
        {
            await access.EnsureAsync(plan.Instance.Id, plan.Instance.Office, actor, "migration", cancellationToken);
            MigrationWriter.Apply(db, plan, scope.TargetDefinition, scope.Mapping.Explicit, actor, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new MigrationRefusedException("An instance, task or timer changed while the migration ran; nothing was migrated. Run a new dry run.", []);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var plan in plans)
        {
            await access.RecordAsync(plan.Instance.Id, actor, InstanceAccessKind.Write, $"migrated to version {scope.TargetDefinition.Version}", cancellationToken);
        }

        return report;
    }

    /// <summary>An instance selected now that the dry run did not report, one it reported that is not selected now, or one at another revision.</summary>
    private static List<MigrationProblem> Stale(IReadOnlyDictionary<Guid, int> expected, List<MigrationCandidate> candidates)
    {
        var problems = candidates
            .Where(c => !expected.TryGetValue(c.Instance.Id, out var revision) || revision != c.Instance.Revision)
            .Select(c => new MigrationProblem(c.Instance.Id, null, expected.TryGetValue(c.Instance.Id, out var revision)
                ? $"Instance {c.Instance.Id} moved on since the dry run (revision {revision}, now {c.Instance.Revision})."
                : $"Instance {c.Instance.Id} is selected now but was not in the dry run."))
            .ToList();
        var selected = candidates.Select(c => c.Instance.Id).ToHashSet();
        problems.AddRange(expected.Keys.Where(id => !selected.Contains(id))
            .Select(id => new MigrationProblem(id, null, $"Instance {id} was in the dry run but is no longer selected (it ended, moved on or was migrated).")));
        return problems;
    }
}
