using System.Text.Json.Nodes;
using NodaTime;

namespace Verkstallighet.Workflows.Activities;

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
