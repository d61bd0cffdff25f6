namespace Verkstallighet.Workflows.Activities;

public enum ActivityKind
{
    Human,
    Automatic,
}
