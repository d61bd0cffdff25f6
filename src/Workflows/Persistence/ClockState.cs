namespace Verkstallighet.Workflows.Persistence;

/// <summary>The simulated clock's position, so a restarted Host continues where it was.</summary>
public sealed class ClockState
{
    public int Id { get; set; }

    public NodaTime.Instant Now { get; set; }
}
