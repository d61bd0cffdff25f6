namespace Verkstallighet.Workflows.Runtime;

public enum BookmarkKind
{
    Task,
    Message,
    Timer,
}
