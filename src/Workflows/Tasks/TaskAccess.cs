namespace Verkstallighet.Workflows.Tasks;

/// <summary>Who may work a task: someone with its candidate role, at its office, and not while another person holds it.</summary>
public static class TaskAccess
{
    /// <summary>Why <paramref name="actor"/> may not see or work the task, or null when they may.</summary>
    public static string? Denial(HumanTask task, Actor actor)
    {
        if (!actor.IsInRole(task.CandidateRole))
        {
            return $"The task is for the role {task.CandidateRole}, which you do not have.";
        }

        if (task.Office is not null && !string.Equals(task.Office, actor.Office, StringComparison.OrdinalIgnoreCase))
        {
            return $"The task belongs to the office {task.Office}; you work at {actor.Office ?? "no office"}.";
        }

        return null;
    }

    public static void EnsureCanWork(HumanTask task, Actor actor)
    {
        if (Denial(task, actor) is { } reason)
        {
            throw new ForbiddenException(reason);
        }

        EnsureOpen(task);
        if (task.Assignee is not null && task.Assignee != actor.UserId)
        {
            throw new ConflictException($"The task is claimed by {task.Assignee}.");
        }
    }

    public static void EnsureOpen(HumanTask task)
    {
        switch (task.Status)
        {
            case HumanTaskStatus.Completed:
                throw new ConflictException($"The task was already completed by {task.CompletedBy} at {task.CompletedAt}.");
            case HumanTaskStatus.Cancelled:
                throw new ConflictException("The task was cancelled: the workflow moved on without it (for example, a deadline or an event interrupted it).");
        }
    }
}
