namespace Verkstallighet.Workflows.Runtime;

public sealed class WorkflowRuntimeOptions
{
    /// <summary>How many times a step that lost an optimistic-concurrency race is retried before the caller gets 409.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The role a human task is offered to when its model names none; the domain sets it. None: such a task is an incident.</summary>
    public string? DefaultCandidateRole { get; set; }
}
