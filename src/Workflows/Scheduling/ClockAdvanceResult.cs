using NodaTime;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>Where the clock stands after an advance, what the sweep that followed did, and how many reminders it made.</summary>
public sealed record ClockAdvanceResult(Instant Now, SweepSummary Sweep, int Reminders);
