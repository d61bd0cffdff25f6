using NodaTime;
using Verkstallighet.Activities.Cases;

namespace Verkstallighet.Activities.Tests.Cases;

public sealed class PersonnummerTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    [Theory]
    [InlineData("19850315-2384", "198503152384")]
    [InlineData("198503152384", "198503152384")]
    [InlineData("850315-2384", "198503152384")]
    [InlineData("121212-1212", "201212121212")]
    [InlineData("121212+1212", "191212121212")] // a plus: a hundred years or older
    [InlineData("19850375-2381", "198503752381")] // samordningsnummer: day + 60
    public void ValidNumbers_AreReadToTwelveDigits(string text, string digits)
    {
        Assert.True(Personnummer.TryParse(text, Today, out var personnummer, out var error), error);

        Assert.Equal(digits, personnummer.Digits);
    }

    [Theory]
    [InlineData("19850315-2385", "kontrollsiffra")]
    [InlineData("19850230-2384", "datum")]
    [InlineData("20991231-1234", "framtiden")]
    [InlineData("8503152384x", "ÅÅÅÅMMDD")]
    [InlineData("", "ÅÅÅÅMMDD")]
    [InlineData(null, "ÅÅÅÅMMDD")]
    public void InvalidNumbers_AreRefusedWithTheReason(string? text, string reason)
    {
        Assert.False(Personnummer.TryParse(text, Today, out _, out var error));

        Assert.Contains(reason, error);
    }

    [Fact]
    public void Personnummer_IsShownMasked_AndItsTextFormIsTheMaskedOne()
    {
        Assert.True(Personnummer.TryParse("19850315-2384", Today, out var personnummer, out _));

        Assert.Equal("19850315-****", personnummer.Masked);
        Assert.Equal("19850315-****", personnummer.ToString());
        Assert.Equal("19850315-2384", personnummer.Formatted);
        Assert.True(Personnummer.TryParse("19850375-2381", Today, out var coordination, out _));
        Assert.True(coordination.IsCoordinationNumber);
        Assert.Equal(new LocalDate(1985, 3, 15), coordination.BirthDate);
    }
}
