using NodaTime;

namespace Verkstallighet.Workflows.Timers;

/// <summary>The next occurrence of a cycle timer: which one, when, and how many may follow it (null: unbounded).</summary>
public sealed record CycleRepetition(int Occurrence, Instant DueAt, int? RepeatsRemaining);
