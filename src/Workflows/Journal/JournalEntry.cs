using NodaTime;

namespace Verkstallighet.Workflows.Journal;

/// <summary>One line of an instance's append-only audit trail: what happened, when, where, by whom, with what data.</summary>
public sealed class JournalEntry
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public Instant At { get; set; }

    public required string Kind { get; set; }

    public string? ElementId { get; set; }

    public string? Actor { get; set; }

    /// <summary>JSON, or null.</summary>
    public string? Data { get; set; }
}

/// <summary>The kinds of journal entries the engine writes.</summary>
public static class JournalKinds
{
    public const string InstanceStarted = "InstanceStarted";
    public const string InstanceCompleted = "InstanceCompleted";
    public const string InstanceTerminated = "InstanceTerminated";
    public const string ElementCompleted = "ElementCompleted";
    public const string ElementCancelled = "ElementCancelled";
    public const string TaskCreated = "TaskCreated";
    public const string TaskClaimed = "TaskClaimed";
    public const string TaskReleased = "TaskReleased";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskCancelled = "TaskCancelled";
    public const string TimerScheduled = "TimerScheduled";
    public const string TimerFired = "TimerFired";
    public const string DeadlineWaived = "DeadlineWaived";
    public const string MessageReceived = "MessageReceived";
    public const string OfficeChanged = "OfficeChanged";
    public const string GatewayDecided = "GatewayDecided";
    public const string IncidentRaised = "IncidentRaised";
    public const string IncidentResolved = "IncidentResolved";
    public const string Note = "Note";
}
