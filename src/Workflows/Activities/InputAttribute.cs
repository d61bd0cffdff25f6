namespace Verkstallighet.Workflows.Activities;

/// <summary>A value the process owner sets on the task in the model (<c>vp:input</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(string displayName) : Attribute
{
    public string DisplayName { get; } = displayName;

    public string? Description { get; init; }

    public bool Required { get; init; }
}
