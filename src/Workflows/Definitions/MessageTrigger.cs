namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// A message event. <paramref name="Payload"/> names the variables a message's payload may set here (<c>vp:payload</c>);
/// <paramref name="ReceivedOnVariable"/> is a date variable the engine sets to the day the message arrived
/// (<c>vp:receivedOn</c>), so a deadline can count from it without the sender choosing the date.
/// </summary>
public sealed record MessageTrigger(string MessageName, IReadOnlyList<string> Payload, string? ReceivedOnVariable = null) : EventTrigger
{
    public MessageTrigger(string messageName)
        : this(messageName, [])
    {
    }
}
