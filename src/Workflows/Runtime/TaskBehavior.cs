using System.Text.Json.Nodes;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// A task runs its activity. An automatic one runs at once and the token moves on; a human one opens a task in the
/// inbox and the token waits until the task is completed with valid data.
/// </summary>
internal sealed class TaskBehavior : ElementBehavior
{
    public override bool Handles(FlowNode node) => node is TaskNode;

    public override async Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken)
    {
        var task = (TaskNode)node;
        var descriptor = step.Activities.Describe(task);
        var activity = step.Activities.Create(descriptor, task);
        if (activity is HumanActivity human)
        {
            OpenTask(step, token, task, descriptor, human);
            return;
        }

        var writesBefore = step.Effects.AlsoSave.Count;
        try
        {
            await ((AutomaticActivity)activity).ExecuteAsync(step.Activities.ContextFor(task), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ElementFailedException)
        {
            step.Effects.AlsoSave.RemoveRange(writesBefore, step.Effects.AlsoSave.Count - writesBefore); // nothing of a failed activity is saved
            step.Effects.MoveToOffice = null;
            throw new ElementFailedException($"Activity '{descriptor.Type}' failed: {e.Message}", e);
        }

        step.Activities.WriteOutputs(descriptor, task, activity);
        ApplyOfficeMove(step, task.Id);
        JournalCompleted(step, task, new { activity = descriptor.Type });
        step.Leave(token, task);
    }

    /// <summary>Completes the human task of <paramref name="bookmark"/> with submitted data, if its activity accepts it.</summary>
    public static async Task CompleteAsync(InstanceStep step, HumanTask task, Bookmark bookmark, JsonObject data, HumanTaskContextInfo who, CancellationToken cancellationToken)
    {
        var token = step.State.Token(bookmark.TokenId) ?? throw new ConflictException("The task's activity is no longer active.");
        var node = (TaskNode)step.Model.Node(bookmark.ElementId);
        var descriptor = step.Activities.Describe(node);
        HumanActivity activity;
        try
        {
            activity = (HumanActivity)step.Activities.Create(descriptor, node);
        }
        catch (ElementFailedException e)
        {
            throw new ConflictException($"The task cannot be completed: {e.Message}");
        }

        var problems = await activity.SubmitAsync(data, new HumanTaskContext(step.Activities.ContextFor(node), task.Id, who.Roles, who.Office), cancellationToken);
        if (problems.Count > 0)
        {
            throw new FormInvalidException(problems);
        }

        step.Activities.WriteOutputs(descriptor, node, activity);
        ApplyOfficeMove(step, node.Id);
        task.Complete(step.Actor.UserId, data.ToJsonString(), step.Now);
        step.Subscriptions.Remove(bookmark, cancelled: null);
        step.Journal.Write(JournalKinds.TaskCompleted, node.Id, new { taskId = task.Id, data });
        step.CompleteActivity(token, node);
    }

    private static void OpenTask(InstanceStep step, Token token, TaskNode node, ActivityDescriptor descriptor, HumanActivity human)
    {
        token.Status = TokenStatus.Waiting;
        var dueDate = step.Subscriptions.SubscribeBoundaryEvents(token, node) ?? step.Subscriptions.EnclosingDueDate(step.State, token);
        var candidateRole = human.CandidateRole ?? step.Services.DefaultCandidateRole
            ?? throw new ElementFailedException($"The task '{node.DisplayName}' names no candidate role, and the engine has no default role.");
        var bookmark = step.Subscriptions.Add(BookmarkKind.Task, node.Id, token.Id, null, null);
        var instance = step.Instance;
        var task = new HumanTask
        {
            Id = Guid.CreateVersion7(step.Now.ToDateTimeOffset()),
            InstanceId = instance.Id,
            BookmarkId = bookmark.Id,
            ElementId = node.Id,
            ActivityType = descriptor.Type,
            Title = node.DisplayName,
            DefinitionKey = instance.DefinitionKey,
            CorrelationId = instance.CorrelationId,
            BusinessKey = instance.BusinessKey,
            CandidateRole = candidateRole,
            Instructions = human.Instructions,
            Office = human.Office ?? instance.Office,
            Assignee = human.Assignee,
            ClaimedAt = human.Assignee is null ? null : step.Now,
            DueDate = dueDate,
            Status = HumanTaskStatus.Open,
            CreatedAt = step.Now,
            Version = 1,
        };
        step.Subscriptions.AddTask(bookmark, task);
        step.Journal.Write(JournalKinds.TaskCreated, node.Id, new { taskId = task.Id, task.CandidateRole, task.Office, task.Assignee, task.DueDate });
    }

    /// <summary>An activity that succeeded moved the instance: tasks opened from now on, and the open ones at save, go with it.</summary>
    private static void ApplyOfficeMove(InstanceStep step, string elementId)
    {
        if (step.Effects.MoveToOffice is not { } office)
        {
            return;
        }

        step.Effects.MoveToOffice = null;
        if (string.Equals(office, step.Instance.Office, StringComparison.Ordinal))
        {
            return;
        }

        step.Journal.Write(JournalKinds.OfficeChanged, elementId, new { from = step.Instance.Office, to = office });
        step.Instance.Office = office;
        step.Writer.MovedOffice = true;
        step.Variables.MirrorOffice(office);
    }
}
