using NodaTime;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>Where the clock stands after an advance, and what the sweep that followed did.</summary>
public sealed record ClockAdvanceResult(Instant Now, SweepSummary Sweep);
