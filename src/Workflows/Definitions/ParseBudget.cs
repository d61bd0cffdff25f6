using System.Diagnostics;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// When parsing must stop: the caller's cancellation (a request that was aborted) and a time budget. Parsing checks it
/// as it goes, so a hostile document cannot keep a core busy after the client has gone or beyond the budget.
/// </summary>
public readonly struct ParseBudget
{
    private readonly long startedAt;
    private readonly TimeSpan? limit;
    private readonly CancellationToken cancellationToken;

    private ParseBudget(TimeSpan? limit, CancellationToken cancellationToken)
    {
        startedAt = Stopwatch.GetTimestamp();
        this.limit = limit;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>No limit: for documents that were validated when they were stored.</summary>
    public static ParseBudget Unlimited => default;

    /// <summary>A budget of <paramref name="limit"/> from now, also stopped by <paramref name="cancellationToken"/>.</summary>
    public static ParseBudget StartNow(TimeSpan limit, CancellationToken cancellationToken = default) => new(limit, cancellationToken);

    /// <summary>Throws <see cref="OperationCanceledException"/> when cancelled, <see cref="ParseBudgetExceededException"/> when the time is up.</summary>
    public void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (limit is { } budget && Stopwatch.GetElapsedTime(startedAt) > budget)
        {
            throw new ParseBudgetExceededException(budget);
        }
    }
}
