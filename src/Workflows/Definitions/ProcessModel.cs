using NodaTime;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>The executable process of a BPMN document, parsed and validated. Immutable and shared between instances.</summary>
public sealed class ProcessModel
{
    internal ProcessModel(string key, string? name, ScopeModel root, IReadOnlyDictionary<string, FlowNode> nodes)
    {
        Key = key;
        Name = name;
        Root = root;
        Nodes = nodes;
    }

    /// <summary>The process id, which is the definition key.</summary>
    public string Key { get; }

    public string? Name { get; }

    public ScopeModel Root { get; }

    /// <summary>Every flow node of the process, nested ones included, by id.</summary>
    public IReadOnlyDictionary<string, FlowNode> Nodes { get; }

    public FlowNode Node(string id) =>
        Nodes.TryGetValue(id, out var node) ? node : throw new InvalidOperationException($"Element '{id}' is not in process '{Key}'.");

    public IEnumerable<StartEventNode> MessageStartEvents =>
        Root.StartEvents.Where(s => s.Trigger is MessageTrigger);

    /// <summary>The date variables that deadlines count from (<c>vp:anchor</c>): set by the workflow's owner, never by a message.</summary>
    public IReadOnlySet<string> AnchorVariables => anchorVariables ??= FindAnchorVariables();

    private IReadOnlySet<string>? anchorVariables;

    private IReadOnlySet<string> FindAnchorVariables() =>
        Nodes.Values.Select(n => n switch
            {
                StartEventNode { Trigger: TimerTrigger t } => t.Spec.AnchorVariable,
                IntermediateCatchEventNode { Trigger: TimerTrigger t } => t.Spec.AnchorVariable,
                BoundaryEventNode { Trigger: TimerTrigger t } => t.Spec.AnchorVariable,
                _ => null,
            })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    public IEnumerable<StartEventNode> TimerStartEvents =>
        Root.StartEvents.Where(s => s.Trigger is TimerTrigger);
}

/// <summary>A process, embedded sub-process or event sub-process: the container its tokens live in.</summary>
public sealed class ScopeModel
{
    internal ScopeModel(string id, SubProcessNode? owner)
    {
        Id = id;
        Owner = owner;
    }

    public string Id { get; }

    /// <summary>The sub-process this scope belongs to, or null for the process itself.</summary>
    public SubProcessNode? Owner { get; }

    public List<FlowNode> Nodes { get; } = [];

    private Dictionary<string, FlowNode>? byId;
    private int indexedNodes;

    /// <summary>A node of this scope (not of nested ones) by id.</summary>
    public FlowNode? Node(string id)
    {
        // Rebuilt only when nodes were added: comparing with the dictionary's count would rebuild it on every call when
        // ids are duplicated (an invalid document), which made validation quadratic.
        if (byId is null || indexedNodes != Nodes.Count)
        {
            byId = Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            indexedNodes = Nodes.Count;
        }

        return byId.GetValueOrDefault(id);
    }

    public IEnumerable<StartEventNode> StartEvents => Nodes.OfType<StartEventNode>();

    public StartEventNode? NoneStartEvent => StartEvents.FirstOrDefault(s => s.Trigger is null);

    public IEnumerable<SubProcessNode> EventSubProcesses => Nodes.OfType<SubProcessNode>().Where(s => s.TriggeredByEvent);
}

public abstract class FlowNode
{
    protected FlowNode(string id, string? name, ScopeModel scope)
    {
        Id = id;
        Name = name;
        Scope = scope;
    }

    public string Id { get; }

    public string? Name { get; }

    public ScopeModel Scope { get; }

    public List<SequenceFlow> Incoming { get; } = [];

    /// <summary>Outgoing flows in document order, which is the order conditions are evaluated in.</summary>
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>The flow taken when no condition is true (gateways and activities).</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;
}

public sealed class SequenceFlow(string id, FlowNode source, FlowNode target, string? condition)
{
    public string Id { get; } = id;

    public FlowNode Source { get; } = source;

    public FlowNode Target { get; } = target;

    /// <summary>A JavaScript expression, or null for an unconditional flow.</summary>
    public string? Condition { get; } = condition;
}

public sealed class StartEventNode(string id, string? name, ScopeModel scope, EventTrigger? trigger, bool isInterrupting)
    : FlowNode(id, name, scope)
{
    /// <summary>Null for a none start event.</summary>
    public EventTrigger? Trigger { get; } = trigger;

    /// <summary>Only meaningful for the start event of an event sub-process.</summary>
    public bool IsInterrupting { get; } = isInterrupting;
}

public sealed class EndEventNode(string id, string? name, ScopeModel scope, bool terminate) : FlowNode(id, name, scope)
{
    public bool Terminate { get; } = terminate;
}

public sealed class IntermediateCatchEventNode(string id, string? name, ScopeModel scope, EventTrigger trigger)
    : FlowNode(id, name, scope)
{
    public EventTrigger Trigger { get; } = trigger;
}

public sealed class BoundaryEventNode(string id, string? name, ScopeModel scope, EventTrigger trigger, bool cancelActivity)
    : FlowNode(id, name, scope)
{
    public EventTrigger Trigger { get; } = trigger;

    public bool CancelActivity { get; } = cancelActivity;

    public ActivityNode AttachedTo { get; internal set; } = null!;
}

public enum GatewayKind
{
    Exclusive,
    Parallel,
    EventBased,
}

public sealed class GatewayNode(string id, string? name, ScopeModel scope, GatewayKind kind) : FlowNode(id, name, scope)
{
    public GatewayKind Kind { get; } = kind;
}

/// <summary>A task or sub-process: something that can carry boundary events.</summary>
public abstract class ActivityNode(string id, string? name, ScopeModel scope) : FlowNode(id, name, scope)
{
    public List<BoundaryEventNode> BoundaryEvents { get; } = [];
}

public enum TaskKind
{
    /// <summary><c>bpmn:userTask</c>: a human activity.</summary>
    User,

    /// <summary><c>bpmn:serviceTask</c>: an automatic activity.</summary>
    Service,

    /// <summary><c>bpmn:task</c>: a generic human step titled by its name.</summary>
    Plain,
}

public sealed class TaskNode(
    string id,
    string? name,
    ScopeModel scope,
    TaskKind kind,
    string activityType,
    IReadOnlyDictionary<string, string> inputs,
    IReadOnlyDictionary<string, string> outputs) : ActivityNode(id, name, scope)
{
    public TaskKind Kind { get; } = kind;

    public string ActivityType { get; } = activityType;

    /// <summary>Configured activity inputs by input name: a literal, or an expression when it starts with <c>=</c>.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; } = inputs;

    /// <summary>Output name to the variable it is written to, where the model overrides the default.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; } = outputs;
}

public sealed class SubProcessNode(string id, string? name, ScopeModel scope, bool triggeredByEvent) : ActivityNode(id, name, scope)
{
    public bool TriggeredByEvent { get; } = triggeredByEvent;

    public ScopeModel Body { get; internal set; } = null!;

    /// <summary>For an event sub-process: its single triggered start event.</summary>
    public StartEventNode? TriggerStart => TriggeredByEvent ? Body.StartEvents.FirstOrDefault(s => s.Trigger is not null) : null;
}

public abstract record EventTrigger;

/// <summary>
/// A message event. <paramref name="Payload"/> names the variables a message's payload may set here (<c>vp:payload</c>);
/// <paramref name="ReceivedOnVariable"/> is a date variable the engine sets to the day the message arrived
/// (<c>vp:receivedOn</c>), so a deadline can count from it without the sender choosing the date.
/// </summary>
public sealed record MessageTrigger(string MessageName, IReadOnlyList<string> Payload, string? ReceivedOnVariable = null) : EventTrigger
{
    public MessageTrigger(string messageName)
        : this(messageName, [])
    {
    }
}

public sealed record TimerTrigger(TimerSpec Spec) : EventTrigger;

public enum TimerSpecKind
{
    /// <summary>A literal ISO 8601 duration from when the timer starts, or from an anchor date when one is given.</summary>
    Duration,

    /// <summary>A literal ISO 8601 date or date-time.</summary>
    Date,

    /// <summary>An ISO 8601 repeating interval (<c>R3/PT1H</c>).</summary>
    Cycle,

    /// <summary>A deadline rule applied to an anchor date variable.</summary>
    Deadline,
}

/// <summary>When a timer is due. Parsed and checked at validation time; computed at run time.</summary>
public sealed record TimerSpec(
    TimerSpecKind Kind,
    string Text,
    Period? Period = null,
    string? AnchorVariable = null,
    string? DeadlineRule = null,
    int? Repetitions = null,
    Instant? CycleStart = null);
