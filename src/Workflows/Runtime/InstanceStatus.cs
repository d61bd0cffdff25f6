namespace Verkstallighet.Workflows.Runtime;

public enum InstanceStatus
{
    Running,
    Completed,
    Terminated,
}
