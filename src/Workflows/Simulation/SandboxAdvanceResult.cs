using NodaTime;

namespace Verkstallighet.Workflows.Simulation;

/// <summary>
/// Where a sandbox's clock stands after an advance, and the timers it fired in due order. <see cref="StoppedAtLimit"/>:
/// more timers were due than one advance fires; the clock stopped at the last one fired, short of the target.
/// </summary>
public sealed record SandboxAdvanceResult(Instant Now, IReadOnlyList<SandboxFiredTimer> Fired, bool StoppedAtLimit);
