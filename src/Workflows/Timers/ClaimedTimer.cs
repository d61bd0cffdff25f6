namespace Verkstallighet.Workflows.Timers;

/// <summary>A timer the sweep claimed and enqueued a fire job for.</summary>
public sealed record ClaimedTimer(Guid Id, int Version);
