using NodaTime;

namespace Verkstallighet.Host.Api.Clock;

public sealed record ClockResponse(Instant Now, LocalDate Today, bool Simulated);
