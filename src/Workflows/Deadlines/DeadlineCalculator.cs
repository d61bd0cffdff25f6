using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// Legal deadline arithmetic. The due date is the anchor plus the period, always from the original anchor; NodaTime
/// truncates at month end, as lag (1930:173) 1 § does (31 January + 1 month = 28/29 February). A deadline is met on its
/// due date, so its timer fires at the start of the following day in Europe/Stockholm.
/// </summary>
public static class DeadlineCalculator
{
    public static DateTimeZone Stockholm { get; } = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    public static LocalDate DueDate(LocalDate anchor, Period period, bool moveToNextWorkingDay)
    {
        var due = anchor.Plus(period);
        return moveToNextWorkingDay ? SwedishCalendar.NextWorkingDayOnOrAfter(due) : due;
    }

    /// <summary>When a deadline due on <paramref name="dueDate"/> is overdue: the start of the next day, local time.</summary>
    public static Instant OverdueAt(LocalDate dueDate) => dueDate.PlusDays(1).AtStartOfDayInZone(Stockholm).ToInstant();

    public static LocalDate Today(Instant now) => now.InZone(Stockholm).Date;
}
