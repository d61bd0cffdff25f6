using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Activities.Chief;

/// <summary>
/// What waits for the chiefs of an office: plans to establish and escalations (the chief's manual tasks that a missed
/// deadline opens). Listed through the task inbox, which pages in SQL and records the cases as read; the cases' names
/// and the submitted plans are then read for those cases only.
/// </summary>
public sealed class ChiefQueue(TaskInbox inbox, IDbContextFactory<VerkstallighetDbContext> contexts)
{
    public const string EstablishPlanType = "EstablishPlan";

    public async Task<IReadOnlyList<ChiefTask>> PlansAwaitingEstablishmentAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var page = await ChiefTasksAsync(actor, EstablishPlanType, cancellationToken);
        var tasks = page.Items;
        var caseIds = CaseIds(tasks);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await NamesAsync(db, caseIds, actor, cancellationToken);
        var submitted = (await db.Plans.AsNoTracking()
                .Where(p => caseIds.Contains(p.CaseId) && p.Status == PlanStatus.Submitted)
                .Select(p => new { p.CaseId, p.Version, p.DraftedBy, p.DraftedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.CaseId)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Version)!);
        return tasks.Select(t =>
        {
            var caseId = CaseId(t);
            var plan = caseId is { } id && submitted.TryGetValue(id, out var p) ? p : null;
            return new ChiefTask(t.Id, t.Title, t.ElementId, caseId, Name(names, caseId), t.Assignee, t.DueDate, page.DueStatusOf(t), t.CreatedAt, plan?.DraftedBy, plan?.DraftedAt);
        }).ToList();
    }

    public async Task<IReadOnlyList<ChiefTask>> EscalationsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var page = await ChiefTasksAsync(actor, ManualTask.TypeName, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await NamesAsync(db, CaseIds(page.Items), actor, cancellationToken);
        return page.Items.Select(t => new ChiefTask(
            t.Id, t.Title, t.ElementId, CaseId(t), Name(names, CaseId(t)), t.Assignee, t.DueDate, page.DueStatusOf(t), t.CreatedAt, null, null)).ToList();
    }

    /// <summary>The office's open tasks of the chief role of one activity type, oldest due first, with their due statuses (one page of the inbox).</summary>
    private async Task<TaskPage> ChiefTasksAsync(Actor actor, string activityType, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.Chief))
        {
            throw new ForbiddenException("Only chiefs see the chiefs' overview.");
        }

        return await inbox.ListAsync(actor, new TaskListQuery(TaskFilter.Role) { Role = Roles.Chief, ActivityType = activityType, Limit = TaskListQuery.MaxLimit }, cancellationToken);
    }

    private static List<Guid> CaseIds(IEnumerable<HumanTask> tasks) => tasks.Select(CaseId).OfType<Guid>().Distinct().ToList();

    private static Guid? CaseId(HumanTask task) => Guid.TryParse(task.CorrelationId, out var id) ? id : null;

    /// <summary>Client names of the actor's office's cases among these; the inbox has already logged the read.</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(VerkstallighetDbContext db, List<Guid> caseIds, Actor actor, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking()
            .Where(c => caseIds.Contains(c.Id) && c.Office == actor.Office)
            .ToDictionaryAsync(c => c.Id, c => c.ClientName, cancellationToken);

    private static string? Name(Dictionary<Guid, string> names, Guid? caseId) => caseId is { } id && names.TryGetValue(id, out var name) ? name : null;
}
