using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>The task inbox: listing, claiming and releasing human tasks. Completing goes through the runtime.</summary>
public sealed class TaskInbox(IDbContextFactory<WorkflowsDbContext> contexts, InstanceAccess access, TaskDueStatuses dueStatuses, ZonedClock clock)
{
    /// <summary>
    /// A page of open tasks, sorted by due date (none last), created and id, read in SQL through the partial indexes on
    /// open tasks, with each task's due status. The cases of the listed tasks are recorded as read.
    /// </summary>
    public async Task<TaskPage> ListAsync(Actor actor, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        var roles = new List<string>();
        if (query.Filter == TaskFilter.Role)
        {
            if (query.Role is not null && !actor.IsInRole(query.Role))
            {
                throw new ForbiddenException($"You do not have the role {query.Role}.");
            }

            roles = query.Role is null ? [.. actor.Roles.Order(StringComparer.Ordinal)] : [query.Role];
        }

        var after = TaskCursor.Decode(query);
        var limit = Math.Clamp(query.Limit, 1, TaskListQuery.MaxLimit);
        var (sql, parameters) = TaskListSql.Build(query, actor, roles, clock.GetCurrentDate(), after, limit + 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = await db.Tasks.FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(cancellationToken);
        var next = tasks.Count > limit ? TaskCursor.After(tasks[limit - 1], query.Sort).Encode(query) : null;
        if (tasks.Count > limit)
        {
            tasks.RemoveAt(limit);
        }

        await access.RecordListedAsync(tasks.Select(t => t.InstanceId), actor, "task list", cancellationToken);
        return new TaskPage(tasks, next, await dueStatuses.OfAsync(tasks, cancellationToken));
    }

    /// <summary>
    /// A task, for someone who reaches its office (any role: colleagues may look, only the candidate role may act). The
    /// read, or the refusal, is recorded.
    /// </summary>
    public async Task<HumanTask> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Task {id} does not exist.");
        await access.EnsureCanReadAsync(task.InstanceId, task.Office, actor, $"task {task.ElementId}", cancellationToken);
        return task;
    }

    public Task<HumanTask> ClaimAsync(Guid id, Actor actor, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, expectedVersion, task => TaskAccess.EnsureCanWork(task, actor), task =>
        {
            if (task.Assignee == actor.UserId)
            {
                return false;
            }

            task.Assignee = actor.UserId;
            task.ClaimedAt = clock.GetCurrentInstant();
            return true;
        }, JournalKinds.TaskClaimed, cancellationToken);

    public Task<HumanTask> ReleaseAsync(Guid id, Actor actor, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, expectedVersion, TaskAccess.EnsureOpen, task =>
        {
            if (task.Assignee is null)
            {
                return false;
            }

            if (task.Assignee != actor.UserId)
            {
                throw new ConflictException($"The task is claimed by {task.Assignee}; only they can release it.");
            }

            task.Assignee = null;
            task.ClaimedAt = null;
            return true;
        }, JournalKinds.TaskReleased, cancellationToken);

    /// <summary>Who may change the task is checked before whether they read its current version, then the change is made.</summary>
    private async Task<HumanTask> ChangeAsync(Guid id, Actor actor, int? expectedVersion, Action<HumanTask> authorize, Func<HumanTask, bool> change, string journalKind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Task {id} does not exist.");
        await access.EnsureAsync(task.InstanceId, task.Office, actor, $"task {task.ElementId} ({journalKind})", cancellationToken);
        authorize(task);
        if (expectedVersion is not null && expectedVersion != task.Version)
        {
            throw new ConflictException($"The task has changed since you read it (version {expectedVersion}, now {task.Version}); reload it.");
        }

        if (!change(task))
        {
            return task;
        }

        task.Version++;
        db.Journal.Add(new JournalEntry
        {
            InstanceId = task.InstanceId,
            At = clock.GetCurrentInstant(),
            Kind = journalKind,
            ElementId = task.ElementId,
            Actor = actor.UserId,
            Data = $"{{\"taskId\":\"{task.Id}\"}}",
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed the task at the same moment; reload it.");
        }

        return task;
    }
}
