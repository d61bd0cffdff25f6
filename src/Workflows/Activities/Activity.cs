using System.Text.Json.Nodes;
using NodaTime;

namespace Verkstallighet.Workflows.Activities;

/// <summary>
/// The base of every activity. An activity is a small class: its <see cref="ActivityAttribute"/>, its
/// <see cref="InputAttribute"/> properties and its <see cref="OutputAttribute"/> properties are its descriptor.
/// A new instance is made for every execution, so properties are free to hold state.
/// </summary>
public abstract class Activity;

/// <summary>An activity that runs at once, inside the step that reaches it. If it throws, the instance gets an incident.</summary>
public abstract class AutomaticActivity : Activity
{
    public abstract ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}

public enum ActivityKind
{
    Human,
    Automatic,
}

/// <summary>What an activity may see and do while it runs.</summary>
public class ActivityContext(
    Guid instanceId,
    string elementId,
    string? correlationId,
    Instant now,
    JsonObject variables,
    string? actor,
    IServiceProvider services,
    Action<string, string?> journal)
{
    public Guid InstanceId { get; } = instanceId;

    public string ElementId { get; } = elementId;

    /// <summary>The business key the instance was started with (a case id, for example).</summary>
    public string? CorrelationId { get; } = correlationId;

    /// <summary>The current time from the engine's clock.</summary>
    public Instant Now { get; } = now;

    /// <summary>The instance's variables as they are before this activity's outputs are written. Do not modify.</summary>
    public JsonObject Variables { get; } = variables;

    /// <summary>The user behind the step, or null for the engine itself (a timer, for example).</summary>
    public string? Actor { get; } = actor;

    public IServiceProvider Services { get; } = services;

    /// <summary>Adds an entry with this message to the instance's journal.</summary>
    public void Journal(string message, string? detail = null) => journal(message, detail);
}
