namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// What a sweep until idle did: the timers it claimed and saw fire, and every due timer still Pending when it returned,
/// whoever holds its lease (this process, another live one, or none because it keeps failing).
/// </summary>
public sealed record SweepSummary(int Claimed, int Fired, int StillPending);
