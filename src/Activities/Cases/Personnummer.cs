using System.Globalization;
using NodaTime;

namespace Verkstallighet.Activities.Cases;

/// <summary>
/// A Swedish personal identity number (personnummer), or a coordination number (samordningsnummer: day + 60),
/// checked on its date and its check digit. Stored as twelve digits; shown masked. It is never written to logs:
/// <see cref="ToString"/> gives the masked form.
/// </summary>
public readonly record struct Personnummer
{
    private Personnummer(string digits) => Digits = digits;

    /// <summary>Twelve digits, YYYYMMDDNNNC.</summary>
    public string Digits { get; }

    public LocalDate BirthDate
    {
        get
        {
            var day = int.Parse(Digits.AsSpan(6, 2), CultureInfo.InvariantCulture);
            return new LocalDate(int.Parse(Digits.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(Digits.AsSpan(4, 2), CultureInfo.InvariantCulture), day > 60 ? day - 60 : day);
        }
    }

    public bool IsCoordinationNumber => int.Parse(Digits.AsSpan(6, 2), CultureInfo.InvariantCulture) > 60;

    /// <summary>YYYYMMDD-NNNC.</summary>
    public string Formatted => $"{Digits[..8]}-{Digits[8..]}";

    /// <summary>The date part only: YYYYMMDD-****.</summary>
    public string Masked => $"{Digits[..8]}-****";

    public override string ToString() => Masked;

    /// <summary>
    /// Reads YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN or YYMMDD+NNNN (a plus: a hundred years or older). With two-digit
    /// years the century is the latest that does not put the birth date after <paramref name="today"/>.
    /// </summary>
    public static bool TryParse(string? text, LocalDate today, out Personnummer personnummer, out string error)
    {
        personnummer = default;
        error = "";
        var value = (text ?? "").Trim();
        var hundredPlus = value.Contains('+');
        var digits = value.Replace("-", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal);
        if ((digits.Length != 10 && digits.Length != 12) || !digits.All(char.IsAsciiDigit) || value.Count(c => c is '-' or '+') > 1)
        {
            error = "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.";
            return false;
        }

        if (digits.Length == 10)
        {
            var twoDigitYear = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var century = (today.Year / 100) * 100;
            var year = century + twoDigitYear;
            if (year > today.Year)
            {
                year -= 100;
            }

            if (hundredPlus)
            {
                year -= 100;
            }

            digits = year.ToString("D4", CultureInfo.InvariantCulture) + digits[2..];
        }

        var yearValue = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var dayValue = int.Parse(digits.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var day = dayValue > 60 ? dayValue - 60 : dayValue;
        if (yearValue < 1850 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(yearValue, month))
        {
            error = "Personnumrets datum finns inte.";
            return false;
        }

        if (new LocalDate(yearValue, month, day) > today)
        {
            error = "Personnumrets datum ligger i framtiden.";
            return false;
        }

        if (!LuhnValid(digits[2..]))
        {
            error = "Personnumrets kontrollsiffra stämmer inte.";
            return false;
        }

        personnummer = new Personnummer(digits);
        return true;
    }

    /// <summary>Restores a stored value (twelve digits, already checked).</summary>
    public static Personnummer FromStored(string digits) => new(digits);

    /// <summary>The Luhn check over the ten digits YYMMDDNNNC.</summary>
    private static bool LuhnValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = tenDigits[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
