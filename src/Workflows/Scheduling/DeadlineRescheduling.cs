using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// Follows a new rule version through the pending deadlines: a preview of what would move, then an apply that checks the
/// preview still holds and moves them a batch at a time, each batch one transaction of set-based statements. An apply
/// that stops half-way (a crash, say) has moved whole deadlines only; a new preview shows the rest, and applying it
/// finishes the work, since every deadline is recomputed from its anchor and one that already moved no longer differs.
/// </summary>
public sealed class DeadlineRescheduling(
    IDbContextFactory<WorkflowsDbContext> contexts, DeadlineRuleStore store, ZonedClock clock, InstanceAccess access, IOptions<TimerOptions> options)
{
    public int BatchSize { get; init; } = Math.Max(1, options.Value.DeadlineMoveBatchSize);

    public int Writers { get; init; } = Math.Max(1, options.Value.DeadlineMoveWriters);

    /// <summary>What applying version <paramref name="ruleVersion"/> with <paramref name="scope"/> would move now (administrators: it lists cases of every office).</summary>
    public async Task<DeadlineChangeImpact> PreviewAsync(string key, int ruleVersion, DeadlineChangeScope scope, Actor actor, CancellationToken cancellationToken = default)
    {
        access.EnsureRuleAdministrator(actor, "preview a deadline rule change");
        var (pending, moves) = await PlanAsync(key, ruleVersion, scope, cancellationToken);
        var today = clock.GetCurrentDate();
        var becomeOverdue = moves.Where(m => m.NewDueDate < today && m.Deadline.DueDate >= today)
            .OrderBy(m => m.Deadline.Office).ThenBy(m => m.Deadline.BusinessKey).ToList();
        // The cases that become overdue are listed by case and office: a read of those instances.
        await access.RecordListedAsync(becomeOverdue.Select(m => m.Deadline.InstanceId), actor, "deadline change preview", cancellationToken);
        return new DeadlineChangeImpact(
            key,
            ruleVersion,
            scope,
            pending,
            moves.Count,
            Count(moves, m => m.Deadline.DefinitionKey),
            Count(moves, m => m.Deadline.Office ?? ""),
            moves.GroupBy(m => m.DaysMoved).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            moves.Count(m => m.MovedByWorkingDay),
            becomeOverdue,
            DeadlineMovePlan.Fingerprint(key, ruleVersion, scope, moves));
    }

    /// <summary>
    /// Moves what the preview with <paramref name="fingerprint"/> showed; refuses with <see cref="ConflictException"/> if
    /// any of it changed since (or a newer rule version exists). A deadline that changes while the apply runs is skipped
    /// by its guard and counted.
    /// </summary>
    public async Task<DeadlineChangeResult> ApplyAsync(
        string key, int ruleVersion, DeadlineChangeScope scope, string fingerprint, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        access.EnsureRuleAdministrator(actor, "apply a deadline rule change");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new FormInvalidException([new FieldProblem("reason", "Say why the pending deadlines move (the transition provision, say).")]);
        }

        var (_, moves) = await PlanAsync(key, ruleVersion, scope, cancellationToken);
        if (!string.Equals(fingerprint, DeadlineMovePlan.Fingerprint(key, ruleVersion, scope, moves), StringComparison.Ordinal))
        {
            throw new ConflictException("The pending deadlines changed since the preview; preview the change again.");
        }

        var change = new DeadlineChangeRecord(key, ruleVersion, scope, reason, actor.UserId, clock.GetCurrentInstant());
        int moved = 0, instances = 0, batches = 0;
        // Batches hold whole instances (the moves are in instance order), so an instance gets one journal entry, and
        // batches running side by side touch disjoint rows.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Batches(moves.OrderBy(m => m.Deadline.InstanceId).ThenBy(m => m.Deadline.TimerId).ToList()), parallel, async (batch, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var (batchMoved, batchInstances) = await DeadlineMoveWriter.WriteAsync(connection, transaction, batch, change, ct);
            await transaction.CommitAsync(ct);
            Interlocked.Add(ref moved, batchMoved);
            Interlocked.Add(ref instances, batchInstances);
            Interlocked.Increment(ref batches);
        });

        return new DeadlineChangeResult(moved, instances, moves.Count - moved, batches);
    }

    private IEnumerable<List<DeadlineMove>> Batches(List<DeadlineMove> moves)
    {
        var batch = new List<DeadlineMove>();
        foreach (var move in moves)
        {
            if (batch.Count >= BatchSize && batch[^1].Deadline.InstanceId != move.Deadline.InstanceId)
            {
                yield return batch;
                batch = [];
            }

            batch.Add(move);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<(int Pending, List<DeadlineMove> Moves)> PlanAsync(string key, int ruleVersion, DeadlineChangeScope scope, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The rules as stored now, not the cached book: a version another Host just made must count.
        var versions = await db.DeadlineRules.AsNoTracking().Where(r => r.Key == key).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new NotFoundException($"Deadline rule '{key}' does not exist.");
        }

        var newest = versions.Max(r => r.Version);
        if (ruleVersion != newest)
        {
            throw new ConflictException($"Version {ruleVersion} of '{key}' is not its newest ({newest}); preview the newest version.");
        }

        var pending = await PendingAsync(db, key, cancellationToken);
        store.Invalidate();
        return (pending.Count, DeadlineMovePlan.Moves(pending, new DeadlineRuleBook(versions), key, scope));
    }

    private static Task<List<PendingDeadline>> PendingAsync(WorkflowsDbContext db, string key, CancellationToken cancellationToken) =>
        db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DeadlineRuleKey == key && t.DueDate != null && t.AnchorDate != null && t.InstanceId != null)
            .Join(db.Set<WorkflowInstance>(), t => t.InstanceId, i => i.Id, (t, i) => new PendingDeadline(
                t.Id, t.Version, i.Id, t.ElementId, t.DeadlineRuleVersion ?? 0, t.AnchorDate!.Value, t.DueDate!.Value, i.DefinitionKey, i.BusinessKey, i.Office))
            .ToListAsync(cancellationToken);

    private static Dictionary<string, int> Count(IEnumerable<DeadlineMove> moves, Func<DeadlineMove, string> by) =>
        moves.GroupBy(by).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
