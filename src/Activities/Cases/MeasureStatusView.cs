using NodaTime;
using Verkstallighet.Activities.FollowUps;

namespace Verkstallighet.Activities.Cases;

/// <summary>A measure's status at its latest follow-up (16–17 §§).</summary>
public sealed record MeasureStatusView(Guid MeasureId, MeasureStatus Status, string? Note, string By, Instant At);
