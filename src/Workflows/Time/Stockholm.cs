using NodaTime;

namespace Verkstallighet.Workflows.Time;

/// <summary>
/// Europe/Stockholm, the zone every legal date is counted in. Today's date comes from the registered
/// <see cref="ZonedClock"/>; this class only converts instants and dates that are already known.
/// </summary>
public static class Stockholm
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    /// <summary>The Swedish date at an instant.</summary>
    public static LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The instant a Swedish day begins (midnight, or the first valid moment on a day that skips it).</summary>
    public static Instant StartOf(LocalDate date) => date.AtStartOfDayInZone(Zone).ToInstant();

    /// <summary>The engine's clock read in Europe/Stockholm; registered once as the application's <see cref="ZonedClock"/>.</summary>
    public static ZonedClock ClockOf(IClock clock) => new(clock, Zone, CalendarSystem.Iso);
}
