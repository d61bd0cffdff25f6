using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Access;

namespace Verkstallighet.Activities.Cases;

/// <summary>
/// Writes the engine's reads, writes and refusals of an instance into the case's access log, when the instance is a
/// case's workflow; instances of no case hold no case data.
/// </summary>
public sealed class CaseAccessLog(IDbContextFactory<VerkstallighetDbContext> contexts, IClock clock) : IInstanceAccessLog
{
    public async Task RecordAsync(Guid instanceId, Actor actor, InstanceAccessKind kind, string what, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var caseId = await db.Cases.AsNoTracking().Where(c => c.WorkflowInstanceId == instanceId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return;
        }

        db.AccessLog.Add(Entry(caseId.Value, actor, kind, what));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordListedAsync(IReadOnlyCollection<Guid> instanceIds, Actor actor, string what, CancellationToken cancellationToken)
    {
        var ids = instanceIds.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var caseIds = await db.Cases.AsNoTracking()
            .Where(c => c.WorkflowInstanceId != null && ids.Contains(c.WorkflowInstanceId.Value))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        if (caseIds.Count == 0)
        {
            return;
        }

        db.AccessLog.AddRange(caseIds.Select(caseId => Entry(caseId, actor, InstanceAccessKind.Read, what)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private AccessLogEntry Entry(Guid caseId, Actor actor, InstanceAccessKind kind, string what) => new()
    {
        At = clock.GetCurrentInstant(),
        UserId = actor.UserId,
        CaseId = caseId,
        Kind = kind switch
        {
            InstanceAccessKind.Read => AccessKinds.Read,
            InstanceAccessKind.Write => AccessKinds.Write,
            _ => AccessKinds.Denied,
        },
        What = what,
    };
}
