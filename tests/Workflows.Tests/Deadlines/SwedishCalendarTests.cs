using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Deadlines;

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
}
