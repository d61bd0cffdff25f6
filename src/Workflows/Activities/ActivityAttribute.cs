namespace Verkstallighet.Workflows.Activities;

/// <summary>Marks a class as an activity. Its type name is what a BPMN task names in <c>vp:activityType</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string displayName) : Attribute
{
    public string Type { get; } = type;

    /// <summary>The name users see in Studio and in the task inbox (the domain's <see cref="ActivityTexts"/> may translate it).</summary>
    public string DisplayName { get; } = displayName;

    public string Category { get; init; } = "General";

    public string? Description { get; init; }
}
