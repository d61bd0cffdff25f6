using NodaTime;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// What migrating one instance changes, worked out without changing anything: the new element of each token, scope,
/// bookmark, timer and task, and the problems that stop it. <see cref="MigrationWriter"/> applies it.
/// </summary>
internal sealed class InstanceMigrationPlan(MigrationCandidate candidate, ExecutionState state, IReadOnlyList<string> waitingAt)
{
    private readonly List<ElementMove> moves = [];
    private readonly List<TimerChange> timerChanges = [];
    private readonly List<TaskChange> taskChanges = [];
    private readonly List<string> dropped = [];
    private readonly List<string> notes = [];
    private readonly List<MigrationProblem> problems = [];

    public MigrationCandidate Candidate { get; } = candidate;

    public WorkflowInstance Instance => Candidate.Instance;

    /// <summary>The instance's token state, deserialized once; the writer changes it in place.</summary>
    public ExecutionState State { get; } = state;

    public Dictionary<string, string> TokenTargets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> ScopeTargets { get; } = new(StringComparer.Ordinal);

    public List<BookmarkMove> Bookmarks { get; } = [];

    public List<Bookmark> DroppedBookmarks { get; } = [];

    /// <summary>Pending timers and fired deadlines that follow their element; the recomputed schedule, if one was chosen.</summary>
    public List<(WorkflowTimer Timer, string ElementId, WorkflowTimer? Recomputed)> Timers { get; } = [];

    public List<WorkflowTimer> CancelledTimers { get; } = [];

    public List<(HumanTask Task, TaskNode Target, LocalDate? DueDate)> Tasks { get; } = [];

    public bool HasProblems => problems.Count > 0;

    public void Problem(string? elementId, string message) => problems.Add(new MigrationProblem(Instance.Id, elementId, message));

    public void Note(string note) => notes.Add(note);

    public void Move(string from, string to, string what)
    {
        if (from != to && !moves.Contains(new ElementMove(from, to, what)))
        {
            moves.Add(new ElementMove(from, to, what));
        }
    }

    public void Drop(Bookmark bookmark, WorkflowTimer? timer)
    {
        DroppedBookmarks.Add(bookmark);
        dropped.Add(bookmark.ElementId);
        if (timer is not null)
        {
            CancelledTimers.Add(timer);
            timerChanges.Add(new TimerChange(timer.Id, timer.ElementId, null, TimerMigrationChoice.Keep, timer.DueAt, null, timer.DueDate, null));
        }
    }

    public void MoveTimer(WorkflowTimer timer, string elementId, WorkflowTimer? recomputed, TimerMigrationChoice choice, bool report)
    {
        Timers.Add((timer, elementId, recomputed));
        if (report)
        {
            timerChanges.Add(new TimerChange(timer.Id, timer.ElementId, elementId, choice, timer.DueAt,
                recomputed?.DueAt ?? timer.DueAt, timer.DueDate, recomputed is null ? timer.DueDate : recomputed.DueDate));
        }
    }

    public void MoveTask(HumanTask task, TaskNode target, LocalDate? dueDate)
    {
        Tasks.Add((task, target, dueDate));
        taskChanges.Add(new TaskChange(task.Id, task.ElementId, target.Id, task.Title, target.DisplayName, target.ActivityType, task.DueDate, dueDate));
    }

    public InstanceMigrationReport Report() =>
        new(Instance.Id, Instance.BusinessKey, Instance.Office, Instance.Revision, waitingAt, moves, timerChanges, taskChanges, dropped, notes, problems);
}
