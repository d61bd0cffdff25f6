namespace Verkstallighet.Workflows.Definitions;

public abstract record EventTrigger;
