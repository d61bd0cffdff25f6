namespace Verkstallighet.Workflows.Definitions;

public enum GatewayKind
{
    Exclusive,
    Parallel,
    EventBased,
}
