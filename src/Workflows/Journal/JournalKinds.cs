namespace Verkstallighet.Workflows.Journal;

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
    public const string DeadlineRescheduled = "DeadlineRescheduled";
    public const string DeadlineMoved = "DeadlineMoved";
    public const string DeadlineFiredNow = "DeadlineFiredNow";
    public const string MessageReceived = "MessageReceived";
    public const string OfficeChanged = "OfficeChanged";
    public const string GatewayDecided = "GatewayDecided";
    public const string IncidentRaised = "IncidentRaised";
    public const string IncidentResolved = "IncidentResolved";
    public const string InstanceMigrated = "InstanceMigrated";
    public const string Note = "Note";
}
