using System.Data.Common;
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

/// <summary>The connection and transaction a step saves in; domain data written here commits or rolls back with it.</summary>
public sealed record StepTransaction(DbConnection Connection, DbTransaction Transaction, Guid InstanceId);

/// <summary>What an activity may see and do while it runs.</summary>
public class ActivityContext
{
    private readonly StepEffects effects;

    internal ActivityContext(
        Guid instanceId,
        string elementId,
        string? correlationId,
        Instant now,
        JsonObject variables,
        string? actor,
        IServiceProvider services,
        StepEffects effects,
        ActivityTexts texts)
    {
        Texts = texts;
        InstanceId = instanceId;
        ElementId = elementId;
        CorrelationId = correlationId;
        Now = now;
        Variables = variables;
        Actor = actor;
        Services = services;
        this.effects = effects;
    }

    protected ActivityContext(ActivityContext other)
        : this(other.InstanceId, other.ElementId, other.CorrelationId, other.Now, other.Variables, other.Actor, other.Services, other.effects, other.Texts)
    {
    }

    public Guid InstanceId { get; }

    public string ElementId { get; }

    /// <summary>The business key the instance was started with (a case id, for example).</summary>
    public string? CorrelationId { get; }

    /// <summary>The current time from the engine's clock.</summary>
    public Instant Now { get; }

    /// <summary>The instance's variables as they are before this activity's outputs are written. Do not modify.</summary>
    public JsonObject Variables { get; }

    /// <summary>The user behind the step, or null for the engine itself (a timer, for example).</summary>
    public string? Actor { get; }

    public IServiceProvider Services { get; }

    /// <summary>The words the domain gave for what users see, such as the problems a form reports.</summary>
    public ActivityTexts Texts { get; }

    /// <summary>Adds an entry with this message to the instance's journal.</summary>
    public void Journal(string message, object? detail = null) => effects.Journal(ElementId, message, detail);

    /// <summary>
    /// Writes domain data in the step's own transaction, after the engine's rows: both commit, or neither does. If the
    /// step loses a race it is run again from the start, and so is this.
    /// </summary>
    public void AlsoSave(Func<StepTransaction, CancellationToken, Task> write) => effects.AlsoSave.Add(write);

    /// <summary>
    /// Moves the instance, and its open tasks, to another office when this activity succeeds (the case moved, say). This
    /// is the only way an instance changes office; its <c>office</c> variable follows.
    /// </summary>
    public void MoveInstanceToOffice(string office)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(office);
        effects.MoveToOffice = office.Trim();
    }
}

/// <summary>What activities asked the step to do besides writing their outputs.</summary>
internal sealed class StepEffects(Action<string, string, object?> journal)
{
    public Action<string, string, object?> Journal { get; } = journal;

    public List<Func<StepTransaction, CancellationToken, Task>> AlsoSave { get; } = [];

    /// <summary>The office an activity moved the instance to, until the step applies it.</summary>
    public string? MoveToOffice { get; set; }
}
