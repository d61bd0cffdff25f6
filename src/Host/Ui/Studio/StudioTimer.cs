namespace Verkstallighet.Host.Ui.Studio;

/// <summary>
/// A timer event's definition: a deadline rule counted from a date variable (<c>mode</c> "rule"), or a literal ISO 8601
/// duration, date or cycle (<c>timeDuration</c>, <c>timeDate</c>, <c>timeCycle</c>), or nothing yet ("none").
/// </summary>
public sealed record StudioTimer(string Mode, string? Rule, string? Anchor, string? Expression);
