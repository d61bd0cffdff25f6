namespace Verkstallighet.Workflows.Activities;

/// <summary>A value the activity produces, written to an instance variable (<c>vp:output</c> can rename it).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute(string displayName) : Attribute
{
    public string DisplayName { get; } = displayName;

    /// <summary>The variable written when the model does not say otherwise; defaults to the output's own name.</summary>
    public string? DefaultVariable { get; init; }
}
