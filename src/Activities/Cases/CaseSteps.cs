using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Cases;

/// <summary>What the case activities share: finding their case, the chief rule, and the access log.</summary>
internal static class CaseSteps
{
    /// <summary>A case's workflow is started with the case id as its correlation id.</summary>
    public static Guid CaseId(ActivityContext context) =>
        Guid.TryParse(context.CorrelationId, out var id)
            ? id
            : throw new InvalidOperationException("This activity belongs to a case's workflow: start it through the case API, which uses the case id as the correlation id.");

    public static async Task<Case> LoadCaseAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var caseId = CaseId(context);
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<VerkstallighetDbContext>>().CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new InvalidOperationException($"The case {caseId} of this workflow does not exist.");

        // The correlation id is only a key: an instance someone started with another case's id is not that case's workflow.
        return @case.WorkflowInstanceId == context.InstanceId
            ? @case
            : throw new ConflictException($"This instance is not the workflow of case {caseId}; a case's activities run only in the workflow the case started.");
    }

    public static async Task<T> ReadAsync<T>(ActivityContext context, Func<VerkstallighetDbContext, Task<T>> query, CancellationToken cancellationToken)
    {
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<VerkstallighetDbContext>>().CreateDbContextAsync(cancellationToken);
        return await query(db);
    }

    /// <summary>Some decisions are the chief's alone (establishing a plan, deciding misconduct); others get a 403 saying so.</summary>
    public static void RequireChief(HumanTaskContext context, string decision)
    {
        if (!context.ActorRoles.Contains(Roles.Chief))
        {
            throw new ForbiddenException($"Only a chief can {decision}.");
        }
    }

    /// <summary>Saves domain data with the step, and records the write in the case's access log.</summary>
    public static void Save(ActivityContext context, string what, Action<VerkstallighetDbContext> change) =>
        Save(context, what, (db, _) =>
        {
            change(db);
            return Task.CompletedTask;
        });

    public static void Save(ActivityContext context, string what, Func<VerkstallighetDbContext, CancellationToken, Task> change) =>
        context.AlsoSave(async (step, cancellationToken) =>
        {
            await using var db = VerkstallighetDbContext.On(step);
            var caseId = CaseId(context);
            if (!await db.Cases.AnyAsync(c => c.Id == caseId && c.WorkflowInstanceId == step.InstanceId, cancellationToken))
            {
                // The correlation id is only a key: an instance someone started with a case's id is not that case's workflow.
                throw new ConflictException($"This instance is not the workflow of case {caseId}; a case's activities change only the case whose workflow they run in.");
            }

            await change(db, cancellationToken);
            db.AccessLog.Add(new AccessLogEntry
            {
                At = context.Now,
                UserId = context.Actor ?? "system",
                CaseId = CaseId(context),
                Kind = AccessKinds.Write,
                What = what,
            });
            await db.SaveChangesAsync(cancellationToken);
        });
}
