using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// Reads deadline rules. Steps get them as a <see cref="DeadlineRuleBook"/> kept in memory: read again when this process
/// changed a rule (<see cref="Invalidate"/>), and otherwise at most <see cref="RefreshAfter"/> old, so a rule another
/// process changed is seen within that time.
/// </summary>
public sealed class DeadlineRuleStore(IDbContextFactory<WorkflowsDbContext> contexts)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Loaded? current;

    private sealed record Loaded(DeadlineRuleBook Book, long At);

    public async Task<IReadOnlySet<string>> KeysAsync(CancellationToken cancellationToken = default) =>
        (await BookAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);

    public async ValueTask<DeadlineRuleBook> BookAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } loaded && Stopwatch.GetElapsedTime(loaded.At) < RefreshAfter)
        {
            return loaded.Book;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && Stopwatch.GetElapsedTime(again.At) < RefreshAfter)
            {
                return again.Book;
            }

            var at = Stopwatch.GetTimestamp();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var book = new DeadlineRuleBook(await db.DeadlineRules.AsNoTracking().ToListAsync(cancellationToken));
            current = new Loaded(book, at);
            return book;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Rules were written here: the next step reads them afresh.</summary>
    public void Invalidate() => current = null;
}
