namespace Verkstallighet.Workflows.Activities;

/// <summary>What a human activity sees when its task is completed.</summary>
public sealed class HumanTaskContext(ActivityContext activity, Guid taskId, IReadOnlySet<string> actorRoles, string? actorOffice)
    : ActivityContext(activity)
{
    public Guid TaskId { get; } = taskId;

    public IReadOnlySet<string> ActorRoles { get; } = actorRoles;

    public string? ActorOffice { get; } = actorOffice;
}
