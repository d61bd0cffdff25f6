namespace Verkstallighet.Workflows.Definitions;

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
