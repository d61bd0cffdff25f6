namespace Verkstallighet.Workflows.Tasks;

public enum HumanTaskStatus
{
    Open,
    Completed,
    Cancelled,
}
