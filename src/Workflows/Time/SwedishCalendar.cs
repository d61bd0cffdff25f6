using NodaTime;

namespace Verkstallighet.Workflows.Time;

/// <summary>
/// Swedish public holidays (lag (1989:253) om allmänna helgdagar) and the days lag (1930:173) 2 § treats like them
/// (Saturdays, midsommarafton, julafton, nyårsafton), computed rather than listed so every year is covered.
/// </summary>
public static class SwedishCalendar
{
    public static bool IsPublicHoliday(LocalDate date)
    {
        var year = date.Year;
        var easter = EasterSunday(year);
        return (date.Month, date.Day) switch
        {
            (1, 1) => true, // nyårsdagen
            (1, 6) => true, // trettondedag jul
            (5, 1) => true, // första maj
            (6, 6) => true, // Sveriges nationaldag
            (12, 25) => true, // juldagen
            (12, 26) => true, // annandag jul
            _ => date == easter.PlusDays(-2) // långfredagen
                 || date == easter // påskdagen
                 || date == easter.PlusDays(1) // annandag påsk
                 || date == easter.PlusDays(39) // Kristi himmelsfärdsdag
                 || date == easter.PlusDays(49) // pingstdagen
                 || date == MidsummerDay(year) // midsommardagen
                 || date == AllSaintsDay(year), // alla helgons dag
        };
    }

    /// <summary>True on days a deadline may not end on under lag (1930:173) 2 §.</summary>
    public static bool IsNonWorkingDay(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday
        || IsPublicHoliday(date)
        || date == MidsummerDay(date.Year).PlusDays(-1) // midsommarafton
        || (date.Month == 12 && date.Day is 24 or 31); // julafton, nyårsafton

    /// <summary>A date adjuster (<c>date.With(SwedishCalendar.NextWorkingDay)</c>): the date itself, or the first working day after it.</summary>
    public static Func<LocalDate, LocalDate> NextWorkingDay { get; } = NextWorkingDayOnOrAfter;

    /// <summary>The date itself, or the first working day after it.</summary>
    public static LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        while (IsNonWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>Midsommardagen: the Saturday from 20 to 26 June.</summary>
    public static LocalDate MidsummerDay(int year) => SaturdayFrom(new LocalDate(year, 6, 20));

    /// <summary>Alla helgons dag: the Saturday from 31 October to 6 November.</summary>
    public static LocalDate AllSaintsDay(int year) => SaturdayFrom(new LocalDate(year, 10, 31));

    private static LocalDate SaturdayFrom(LocalDate first) =>
        first.DayOfWeek == IsoDayOfWeek.Saturday ? first : first.Next(IsoDayOfWeek.Saturday);
}
