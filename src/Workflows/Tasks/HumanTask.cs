using NodaTime;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>A task in the inbox, opened by a human activity. Claimed means it has an assignee.</summary>
public sealed class HumanTask
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid BookmarkId { get; set; }

    public required string ElementId { get; set; }

    public required string ActivityType { get; set; }

    public required string Title { get; set; }

    public string? DefinitionKey { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>The instance's business key (a case number), copied so the inbox can sort by it from one index.</summary>
    public string? BusinessKey { get; set; }

    public required string CandidateRole { get; set; }

    /// <summary>The activity's instructions from the model, shown above the form.</summary>
    public string? Instructions { get; set; }

    public string? Office { get; set; }

    public string? Assignee { get; set; }

    /// <summary>The legal due date, from a deadline timer on the task, if it has one.</summary>
    public LocalDate? DueDate { get; set; }

    public HumanTaskStatus Status { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant? ClaimedAt { get; set; }

    public Instant? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>The data the task was completed with (JSON).</summary>
    public string? Data { get; set; }

    /// <summary>Bumped by every change; a client that sends an older version gets 409.</summary>
    public int Version { get; set; }

    /// <summary>The task is done: the data it was completed with is kept, and its holder is who completed it if nobody held it.</summary>
    public void Complete(string by, string data, Instant at)
    {
        Status = HumanTaskStatus.Completed;
        CompletedAt = at;
        CompletedBy = by;
        Assignee ??= by;
        Data = data;
        Version++;
    }

    /// <summary>
    /// The task now belongs to another element (its instance was migrated to another version): same id, so links keep
    /// working, but the element's activity and title, and a recomputed deadline's date. A client holding the old
    /// version gets 409 and reloads what changed.
    /// </summary>
    public void MoveTo(string elementId, string activityType, string title, LocalDate? dueDate)
    {
        ElementId = elementId;
        ActivityType = activityType;
        Title = title;
        DueDate = dueDate;
        Version++;
    }
}
