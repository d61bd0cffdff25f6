using NodaTime;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Time;

public sealed class SwedishCalendarTests
{
    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_IsComputed(int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), SwedishCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData("2026-01-01")] // nyårsdagen
    [InlineData("2026-01-06")] // trettondedag jul
    [InlineData("2026-04-03")] // långfredagen
    [InlineData("2026-04-05")] // påskdagen
    [InlineData("2026-04-06")] // annandag påsk
    [InlineData("2026-05-01")] // första maj
    [InlineData("2026-05-14")] // Kristi himmelsfärdsdag
    [InlineData("2026-05-24")] // pingstdagen
    [InlineData("2026-06-06")] // nationaldagen
    [InlineData("2026-06-20")] // midsommardagen
    [InlineData("2026-10-31")] // alla helgons dag
    [InlineData("2026-12-25")] // juldagen
    [InlineData("2026-12-26")] // annandag jul
    [InlineData("2027-06-26")] // midsommardagen 2027
    [InlineData("2027-11-06")] // alla helgons dag 2027
    public void PublicHolidays_OfLag1989_253_AreHolidays(string date)
    {
        Assert.True(SwedishCalendar.IsPublicHoliday(LocalDate.FromDateTime(DateTime.Parse(date))));
    }

    [Theory]
    [InlineData("2026-05-25")] // annandag pingst is no longer a holiday (since 2005)
    [InlineData("2026-06-19")] // midsommarafton is not a public holiday…
    [InlineData("2026-12-24")] // …nor julafton
    [InlineData("2026-03-02")]
    public void OtherDays_AreNotPublicHolidays(string date)
    {
        Assert.False(SwedishCalendar.IsPublicHoliday(LocalDate.FromDateTime(DateTime.Parse(date))));
    }

    [Theory]
    [InlineData("2026-06-19", true)] // midsommarafton: lag (1930:173) 2 §
    [InlineData("2026-12-24", true)] // julafton
    [InlineData("2026-12-31", true)] // nyårsafton
    [InlineData("2026-03-07", true)] // a Saturday
    [InlineData("2026-03-08", true)] // a Sunday
    [InlineData("2026-03-09", false)]
    [InlineData("2026-04-30", false)] // valborgsmässoafton is a working day
    public void NonWorkingDays_FollowLag1930_173_2Paragraph(string date, bool expected)
    {
        Assert.Equal(expected, SwedishCalendar.IsNonWorkingDay(LocalDate.FromDateTime(DateTime.Parse(date))));
    }

    /// <summary>The movable feasts, Midsummer and All Saints of several years, as the almanac gives them.</summary>
    [Theory]
    [InlineData(2025, "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-08", "2025-06-21", "2025-11-01")]
    [InlineData(2027, "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-16", "2027-06-26", "2027-11-06")]
    [InlineData(2028, "2028-04-14", "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-04", "2028-06-24", "2028-11-04")]
    [InlineData(2029, "2029-03-30", "2029-04-01", "2029-04-02", "2029-05-10", "2029-05-20", "2029-06-23", "2029-11-03")]
    [InlineData(2030, "2030-04-19", "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-09", "2030-06-22", "2030-11-02")]
    public void MovableHolidays_OfSeveralYears_FallOnTheirKnownDates(
        int year, string goodFriday, string easter, string easterMonday, string ascension, string pentecost, string midsummer, string allSaints)
    {
        var dates = new[] { goodFriday, easter, easterMonday, ascension, pentecost, midsummer, allSaints }.Select(Date).ToList();

        Assert.Equal(dates[1], SwedishCalendar.EasterSunday(year));
        Assert.Equal(dates[5], SwedishCalendar.MidsummerDay(year));
        Assert.Equal(dates[6], SwedishCalendar.AllSaintsDay(year));
        Assert.All(dates, date => Assert.True(SwedishCalendar.IsPublicHoliday(date), $"{date} is a public holiday."));
        Assert.True(SwedishCalendar.IsNonWorkingDay(dates[5].PlusDays(-1)), "Midsummer Eve is treated as a holiday.");
        Assert.False(SwedishCalendar.IsPublicHoliday(dates[4].PlusDays(1)), "Whit Monday has not been a holiday since 2005.");
    }

    /// <summary>A due date on a day that is no working day moves to the next working day (lag (1930:173) 2 §).</summary>
    [Theory]
    [InlineData("2026-06-19", "2026-06-22")] // midsommarafton (Friday) → Monday
    [InlineData("2026-12-24", "2026-12-28")] // julafton, juldagen, annandag jul, Sunday → Monday
    [InlineData("2027-12-31", "2028-01-03")] // nyårsafton (Friday), nyårsdagen (Saturday), Sunday → Monday
    [InlineData("2027-03-26", "2027-03-30")] // långfredagen → past påskdagen and annandag påsk to Tuesday
    [InlineData("2026-10-31", "2026-11-02")] // alla helgons dag (Saturday) → Monday
    [InlineData("2026-03-09", "2026-03-09")] // a working day stays
    public void NextWorkingDay_SkipsWeekendsHolidaysAndTheirEves_Lag1930_173_2Paragraph(string due, string expected)
    {
        Assert.Equal(Date(expected), Date(due).With(SwedishCalendar.NextWorkingDay));
    }

    private static LocalDate Date(string text) => LocalDate.FromDateTime(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
}
