using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Workflows;

namespace Verkstallighet.Activities.Cases;

/// <summary>
/// The rule for reaching a case, shared by the services that read or write one: officers and chiefs of the case's
/// office. Every read, and every refusal, is written to the access log; writes log what they wrote themselves.
/// </summary>
internal sealed class CaseAccess(IClock clock)
{
    /// <summary>Loads a case for someone who may reach it, and logs the access; a refusal is logged too and is a 403 with the reason.</summary>
    public async Task<Case> EnterAsync(VerkstallighetDbContext db, Guid caseId, Actor actor, string what, CancellationToken cancellationToken, bool write = false)
    {
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException($"Case {caseId} does not exist.");
        string? denial = null;
        if (!actor.IsInRole(Roles.Officer) && !actor.IsInRole(Roles.Chief))
        {
            denial = "Only officers and chiefs work with cases.";
        }
        else if (!string.Equals(@case.Office, actor.Office, StringComparison.OrdinalIgnoreCase))
        {
            denial = $"The case belongs to the office {@case.Office}; you work at {actor.Office ?? "no office"}.";
        }

        if (denial is not null)
        {
            await DenyAsync(db, caseId, actor, what, cancellationToken);
            throw new ForbiddenException(denial);
        }

        if (!write)
        {
            db.AccessLog.Add(Log(caseId, actor, AccessKinds.Read, what));
            await db.SaveChangesAsync(cancellationToken);
        }

        return @case;
    }

    public async Task DenyAsync(VerkstallighetDbContext db, Guid caseId, Actor actor, string what, CancellationToken cancellationToken)
    {
        db.AccessLog.Add(Log(caseId, actor, AccessKinds.Denied, what));
        await db.SaveChangesAsync(cancellationToken);
    }

    public AccessLogEntry Log(Guid caseId, Actor actor, string kind, string what) =>
        new() { At = clock.GetCurrentInstant(), UserId = actor.UserId, CaseId = caseId, Kind = kind, What = what };
}
