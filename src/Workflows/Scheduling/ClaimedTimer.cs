namespace Verkstallighet.Workflows.Scheduling;

/// <summary>A timer the sweep claimed and enqueued a fire job for.</summary>
public sealed record ClaimedTimer(Guid Id, int Version);
