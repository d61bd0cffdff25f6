namespace Verkstallighet.Host.Ui.Studio;

/// <summary>The selected diagram element as the modeler describes it (Scripts/studio/element-properties.js).</summary>
public sealed record StudioElement(
    string Id,
    string Type,
    string Name,
    string? ActivityType,
    Dictionary<string, string> Inputs,
    StudioTimer? Timer,
    StudioMessage? Message,
    string? Condition,
    bool IsDefaultFlow,
    bool FromGateway,
    bool? IsExecutable)
{
    public string Kind => Type.StartsWith("bpmn:", StringComparison.Ordinal) ? Type["bpmn:".Length..] : Type;

    public bool IsTask => Kind is "Task" or "UserTask" or "ServiceTask" or "ManualTask" or "ScriptTask" or "SendTask" or "ReceiveTask" or "BusinessRuleTask";
}
