namespace Verkstallighet.Workflows.Activities;

/// <summary>A registration made by <c>AddActivity&lt;T&gt;()</c>.</summary>
public sealed record ActivityRegistration(Type ActivityType);
