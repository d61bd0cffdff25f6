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

/// <summary>A value the process owner sets on the task in the model (<c>vp:input</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(string displayName) : Attribute
{
    public string DisplayName { get; } = displayName;

    public string? Description { get; init; }

    public bool Required { get; init; }
}

/// <summary>A value the activity produces, written to an instance variable (<c>vp:output</c> can rename it).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute(string displayName) : Attribute
{
    public string DisplayName { get; } = displayName;

    /// <summary>The variable written when the model does not say otherwise; defaults to the output's own name.</summary>
    public string? DefaultVariable { get; init; }
}
