namespace Verkstallighet.Workflows.Definitions;

public enum TaskKind
{
    /// <summary><c>bpmn:userTask</c>: a human activity.</summary>
    User,

    /// <summary><c>bpmn:serviceTask</c>: an automatic activity.</summary>
    Service,

    /// <summary><c>bpmn:task</c>: a generic human step titled by its name.</summary>
    Plain,
}
