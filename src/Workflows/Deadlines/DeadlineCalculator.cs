using NodaTime;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// Legal deadline arithmetic. The due date is the anchor plus the period, always from the original anchor; NodaTime
/// truncates at month end, as lag (1930:173) 1 § does (31 January + 1 month = 28/29 February). A deadline is met on its
/// due date, so its timer fires at the start of the following day in Europe/Stockholm.
/// </summary>
public static class DeadlineCalculator
{
    public static LocalDate DueDate(LocalDate anchor, Period period, bool moveToNextWorkingDay)
    {
        var due = anchor.Plus(period);
        return moveToNextWorkingDay ? due.With(SwedishCalendar.NextWorkingDay) : due;
    }

    /// <summary>When a deadline due on <paramref name="dueDate"/> is overdue: the start of the next day, local time.</summary>
    public static Instant OverdueAt(LocalDate dueDate) => Stockholm.StartOf(dueDate.PlusDays(1));
}
