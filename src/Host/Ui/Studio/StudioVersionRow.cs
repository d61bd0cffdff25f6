using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>A published or retired version and the instances running on it.</summary>
public sealed record StudioVersionRow(WorkflowDefinition Definition, int Running)
{
    public int Version => Definition.Version!.Value;

    public DefinitionStatus Status => Definition.Status;
}
