using NodaTime.Text;

namespace Verkstallighet.Host.Ui.DeadlineRules;

/// <summary>An ISO 8601 date period as users read it: "1 månad", "4 veckor", "30 dagar"; text it cannot read stays as it is.</summary>
public static class PeriodText
{
    public static string Of(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso))
        {
            return "Ingen";
        }

        var parsed = PeriodPattern.Roundtrip.Parse(iso);
        if (!parsed.Success)
        {
            return iso;
        }

        var period = parsed.Value;
        var parts = new List<string>();
        Add(parts, period.Years, "år", "år");
        Add(parts, period.Months, "månad", "månader");
        Add(parts, period.Weeks, "vecka", "veckor");
        Add(parts, period.Days, "dag", "dagar");
        return parts.Count == 0 ? "0 dagar" : string.Join(" och ", parts);
    }

    private static void Add(List<string> parts, int value, string one, string many)
    {
        if (value != 0)
        {
            parts.Add($"{value} {(Math.Abs(value) == 1 ? one : many)}");
        }
    }
}
