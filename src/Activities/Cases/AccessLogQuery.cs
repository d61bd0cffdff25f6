using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Persistence;

namespace Verkstallighet.Activities.Cases;

/// <summary>Reads the access log for review (Brottsdatalagen expects it to be reviewed, not only written).</summary>
public sealed class AccessLogQuery(IDbContextFactory<VerkstallighetDbContext> contexts)
{
    public const int MaxLimit = 500;

    public async Task<AccessLogPage> ReadAsync(AccessLogFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AccessLog.AsNoTracking();
        if (filter.CaseId is { } caseId)
        {
            query = query.Where(e => e.CaseId == caseId);
        }

        if (filter.UserId is { } userId)
        {
            query = query.Where(e => e.UserId == userId);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(e => e.Id < before);
        }

        // Ids grow with time, so the newest first is the highest id first, and the id is a stable cursor.
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var rows = await query.OrderByDescending(e => e.Id).Take(limit + 1)
            .Select(e => new AccessLogLine(e.Id, e.At, e.UserId, e.CaseId, e.Kind, e.What))
            .ToListAsync(cancellationToken);
        return rows.Count > limit
            ? new AccessLogPage(rows[..limit], rows[limit - 1].Id)
            : new AccessLogPage(rows, null);
    }
}
