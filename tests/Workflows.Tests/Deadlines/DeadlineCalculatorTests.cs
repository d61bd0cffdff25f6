using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Deadlines;

public sealed class DeadlineCalculatorTests
{
    [Theory]
    [InlineData("2026-01-31", "P1M", "2026-02-28")] // lag (1930:173) 1 §: no 31 February, so the last day of the month
    [InlineData("2028-01-31", "P1M", "2028-02-29")] // leap year
    [InlineData("2026-03-31", "P1M", "2026-04-30")]
    [InlineData("2026-01-31", "P2M", "2026-03-31")] // from the original anchor, never chained through 28 February
    [InlineData("2026-01-31", "P6M", "2026-07-31")]
    [InlineData("2026-08-31", "P6M", "2027-02-28")]
    [InlineData("2026-01-31", "P4W", "2026-02-28")] // four weeks are exactly 28 days
    [InlineData("2026-02-15", "P8W", "2026-04-12")]
    [InlineData("2026-12-15", "P30D", "2027-01-14")]
    public void DueDate_IsTheAnchorPlusThePeriod_TruncatedAtMonthEnd(string anchor, string period, string expected)
    {
        Assert.True(Verkstallighet.Workflows.Time.IsoTime.TryParsePeriod(period, out var parsed));

        var due = DeadlineCalculator.DueDate(LocalDate.FromDateTime(DateTime.Parse(anchor)), parsed, moveToNextWorkingDay: false);

        Assert.Equal(expected, due.ToString("yyyy-MM-dd", null));
    }

    [Theory]
    [InlineData("2026-05-19", "2026-06-22")] // due on midsommarafton (Friday 19 June): Monday 22 June
    [InlineData("2026-11-24", "2026-12-28")] // due on julafton: past juldagen, annandag jul and the weekend
    [InlineData("2026-03-03", "2026-04-07")] // due on långfredagen: past påskdagen and annandag påsk
    [InlineData("2026-12-31", "2027-02-01")] // 31 Jan + 1 month = 28 Feb? No: 2026-12-31 + P1M = 2027-01-31, a Sunday
    [InlineData("2026-01-15", "2026-02-16")] // 15 February 2026 is a Sunday
    [InlineData("2026-01-16", "2026-02-16")] // a Monday stays
    public void DueDate_OnAWeekendOrHoliday_MovesToTheNextWorkingDay_WhenTheRuleSaysSo(string anchor, string expected)
    {
        var due = DeadlineCalculator.DueDate(LocalDate.FromDateTime(DateTime.Parse(anchor)), Period.FromMonths(1), moveToNextWorkingDay: true);

        Assert.Equal(expected, due.ToString("yyyy-MM-dd", null));
    }

    [Theory]
    [InlineData("2026-02-28", "2026-02-28T23:00:00Z")] // CET
    [InlineData("2026-03-28", "2026-03-28T23:00:00Z")] // the night summer time starts
    [InlineData("2026-03-29", "2026-03-29T22:00:00Z")] // CEST
    [InlineData("2026-10-24", "2026-10-24T22:00:00Z")]
    [InlineData("2026-10-25", "2026-10-25T23:00:00Z")] // back to CET
    public void Deadline_IsMetOnTheDueDate_AndOverdueAtTheStartOfTheNextDayInStockholm(string dueDate, string overdueAt)
    {
        var at = DeadlineCalculator.OverdueAt(LocalDate.FromDateTime(DateTime.Parse(dueDate)));

        Assert.Equal(NodaTime.Text.InstantPattern.General.Parse(overdueAt).Value, at);
    }

    [Fact]
    public void Today_IsTheDateInStockholm()
    {
        Assert.Equal(new LocalDate(2026, 3, 1), Stockholm.DateOf(Instant.FromUtc(2026, 2, 28, 23, 30)));
        Assert.Equal(new LocalDate(2026, 2, 28), Stockholm.DateOf(Instant.FromUtc(2026, 2, 28, 22, 59)));
    }
}
