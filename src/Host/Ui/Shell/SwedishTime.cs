using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Host.Ui.Shell;

/// <summary>Instants and dates as users read them: Swedish time (Europe/Stockholm), ISO dates.</summary>
public static class SwedishTime
{
    private static readonly DateTimeZone Stockholm = Verkstallighet.Workflows.Time.Stockholm.Zone;
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public static string Format(Instant instant) => DateTime.Format(instant.InZone(Stockholm).LocalDateTime);

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Format(LocalDate? date) => date is { } d ? Format(d) : "–";

    /// <summary>The date today in Sweden, by the given clock (the simulated one, when it runs).</summary>
    public static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InZone(Stockholm).Date;

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("sv-SE");
}
