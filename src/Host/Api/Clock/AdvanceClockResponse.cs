using NodaTime;

namespace Verkstallighet.Host.Api.Clock;

public sealed record AdvanceClockResponse(Instant Now, LocalDate Today, int TimersClaimed, int TimersFired, int TimersStillPending, int RemindersCreated);
