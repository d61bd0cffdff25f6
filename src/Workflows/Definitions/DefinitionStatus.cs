namespace Verkstallighet.Workflows.Definitions;

public enum DefinitionStatus
{
    Draft,
    Published,
    Retired,
}
