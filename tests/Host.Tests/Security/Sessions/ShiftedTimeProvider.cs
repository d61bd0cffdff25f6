namespace Verkstallighet.Host.Tests.Security.Sessions;

/// <summary>The system time plus an offset that a test moves forward, so a session can age without waiting.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}
