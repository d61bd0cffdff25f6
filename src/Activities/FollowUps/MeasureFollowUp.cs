namespace Verkstallighet.Activities.FollowUps;

public sealed record MeasureFollowUp(Guid MeasureId, MeasureStatus Status, string? Note);
