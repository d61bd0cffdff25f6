using System.Globalization;
using NodaTime;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Cases;

/// <summary>
/// A search among the office's cases. <see cref="Text"/> is a case number (digits only), a whole personnummer, or part of
/// the client's name; empty lists every case. <see cref="Before"/> is the keyset cursor: a case number.
/// </summary>
public sealed record CaseSearch(string? Text, long? Before = null, int Limit = CaseSearch.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>What the text asks for, with the value to look up; a malformed number is a field problem in Swedish.</summary>
    public (CaseSearchKind Kind, string Value) Interpret(LocalDate today)
    {
        var text = (Text ?? "").Trim();
        if (text.Length == 0)
        {
            return (CaseSearchKind.All, "");
        }

        if (text.Length > 200)
        {
            throw Problem("Sökningen får vara högst 200 tecken.");
        }

        if (!text.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
        {
            return (CaseSearchKind.Name, text);
        }

        var digits = text.Count(char.IsAsciiDigit);
        if (digits is 10 or 12)
        {
            return Personnummer.TryParse(text.Replace(" ", "", StringComparison.Ordinal), today, out var personnummer, out var error)
                ? (CaseSearchKind.Personnummer, personnummer.Digits)
                : throw Problem(error);
        }

        if (text.All(char.IsAsciiDigit) && digits <= 18 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return (CaseSearchKind.Number, text);
        }

        throw Problem("Sök på ärendenummer, ett helt personnummer (ÅÅÅÅMMDD-NNNN) eller en del av klientens namn.");
    }

    private static FormInvalidException Problem(string message) => new([new FieldProblem("text", message)]);
}
