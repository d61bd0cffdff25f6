namespace Verkstallighet.Host.Ui.Studio;

/// <summary>
/// A message event's message: the name a case event or the API correlates with, the variables its payload may set
/// (<c>vp:payload</c>), and the date variable that records when it arrived (<c>vp:receivedOn</c>).
/// </summary>
public sealed record StudioMessage(string Name, string? Payload, string? ReceivedOn);
