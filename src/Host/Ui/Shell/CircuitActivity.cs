using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Verkstallighet.Host.Ui.Shell;

/// <summary>
/// When the user of this circuit last did something (a click, a key, a form event: every inbound call). A circuit
/// talks over its WebSocket, which never renews the sign-in cookie, so the circuit keeps its own idle time.
/// </summary>
public sealed class CircuitActivity(TimeProvider time) : CircuitHandler
{
    private long lastActivityTicks = time.GetUtcNow().UtcTicks;

    public TimeSpan IdleFor => time.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref lastActivityTicks), TimeSpan.Zero);

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            Interlocked.Exchange(ref lastActivityTicks, time.GetUtcNow().UtcTicks);
            return next(context);
        };
}
