using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Timers;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("P1M", true)]
    [InlineData("P4W", true)]
    [InlineData("PT15M", true)]
    [InlineData("P1DT2H", true)]
    [InlineData("P-1D", false)]
    [InlineData("1 month", false)]
    [InlineData("", false)]
    public void TryParsePeriod_AcceptsIsoDurations(string text, bool ok)
    {
        Assert.Equal(ok, IsoTime.TryParsePeriod(text, out _));
    }

    [Fact]
    public void P4W_IsTwentyEightDays()
    {
        Assert.True(IsoTime.TryParsePeriod("P4W", out var period));

        Assert.Equal(new LocalDate(2026, 2, 28), new LocalDate(2026, 1, 31).Plus(period));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-02-28T23:00:00Z")]
    [InlineData("2026-07-01T09:30", "2026-07-01T07:30:00Z")]
    [InlineData("2026-07-01T09:30:00+02:00", "2026-07-01T07:30:00Z")]
    [InlineData("2026-07-01T09:30:00Z", "2026-07-01T09:30:00Z")]
    public void TryParseInstant_ReadsDatesAndLocalTimesInStockholm(string text, string expected)
    {
        Assert.True(IsoTime.TryParseInstant(text, Stockholm.Zone, out var instant));

        Assert.Equal(NodaTime.Text.InstantPattern.General.Parse(expected).Value, instant);
    }

    [Fact]
    public void TryParseCycle_ReadsRepetitionsStartAndInterval()
    {
        Assert.True(IsoTime.TryParseCycle("R3/2026-01-01T00:00:00Z/P1D", Stockholm.Zone, out var count, out var start, out var interval));
        Assert.Equal(3, count);
        Assert.Equal(Instant.FromUtc(2026, 1, 1, 0, 0), start);
        Assert.Equal(Period.FromDays(1), interval);

        Assert.True(IsoTime.TryParseCycle("R/PT1H", Stockholm.Zone, out count, out start, out _));
        Assert.Null(count);
        Assert.Null(start);
        Assert.False(IsoTime.TryParseCycle("R0/P1D", Stockholm.Zone, out _, out _, out _));
        Assert.False(IsoTime.TryParseCycle("every day", Stockholm.Zone, out _, out _, out _));
    }

    [Fact]
    public void Add_CountsCalendarMonthsInLocalTime()
    {
        var start = Instant.FromUtc(2026, 1, 31, 11, 0); // 12:00 in Stockholm

        Assert.Equal(Instant.FromUtc(2026, 2, 28, 11, 0), IsoTime.Add(start, Period.FromMonths(1), Stockholm.Zone));
        Assert.Equal(Instant.FromUtc(2026, 7, 31, 10, 0), IsoTime.Add(start, Period.FromMonths(6), Stockholm.Zone));
    }
}
