using NodaTime;

namespace Verkstallighet.Workflows.Clock;

/// <summary>The simulated clock's position, so a restarted Host continues where it was.</summary>
public sealed class ClockState
{
    public int Id { get; set; }

    public Instant Now { get; set; }
}
