namespace Verkstallighet.Workflows.Access;

public enum InstanceAccessKind
{
    Read,
    Write,
    Denied,
}
