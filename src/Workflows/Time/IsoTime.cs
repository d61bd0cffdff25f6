using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Verkstallighet.Workflows.Time;

/// <summary>Parsing of the ISO 8601 forms a BPMN timer may use: durations, dates and repeating intervals.</summary>
public static partial class IsoTime
{
    /// <summary>
    /// Parses an ISO 8601 duration such as <c>P1M</c>, <c>P4W</c>, <c>PT15M</c> or <c>P1DT2H</c>. With
    /// <paramref name="allowNegative"/>, a leading minus (<c>-P1M</c>: one month before) is accepted too.
    /// </summary>
    public static bool TryParsePeriod(string text, out Period period, bool allowNegative = false)
    {
        period = Period.Zero;
        text = text.Trim();
        if (allowNegative && text.StartsWith('-'))
        {
            if (!TryParsePeriod(text[1..], out var positive))
            {
                return false;
            }

            period = Period.Zero - positive;
            return true;
        }

        if (text.Length < 2 || text[0] != 'P' || text.StartsWith("P-", StringComparison.Ordinal))
        {
            return false;
        }

        var result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success)
        {
            // NodaTime's ISO pattern has no weeks; P4W is exactly 28 days.
            var weeks = WeeksPattern().Match(text);
            if (!weeks.Success)
            {
                return false;
            }

            period = Period.FromWeeks(int.Parse(weeks.Groups[1].Value, CultureInfo.InvariantCulture));
            return true;
        }

        period = result.Value;
        return !HasNegativePart(period);
    }

    /// <summary>
    /// Parses a date (<c>2026-03-01</c>: the start of that day), a local date-time (<c>2026-03-01T10:00</c>), both in
    /// <paramref name="zone"/>, or an instant with offset (<c>2026-03-01T10:00:00Z</c>, <c>…+01:00</c>).
    /// </summary>
    public static bool TryParseInstant(string text, DateTimeZone zone, out Instant instant)
    {
        text = text.Trim();
        instant = default;
        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success)
        {
            instant = offset.Value.ToInstant();
            return true;
        }

        foreach (var pattern in LocalDateTimePatterns)
        {
            var local = pattern.Parse(text);
            if (local.Success)
            {
                instant = local.Value.InZoneLeniently(zone).ToInstant();
                return true;
            }
        }

        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            instant = date.Value.AtStartOfDayInZone(zone).ToInstant();
            return true;
        }

        return false;
    }

    private static readonly LocalDateTimePattern[] LocalDateTimePatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    /// <summary>Parses <c>R[n]/duration</c> or <c>R[n]/start/duration</c>. No count means unbounded repetitions (null).</summary>
    public static bool TryParseCycle(string text, DateTimeZone zone, out int? repetitions, out Instant? start, out Period interval)
    {
        repetitions = null;
        start = null;
        interval = Period.Zero;
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[0][0] != 'R')
        {
            return false;
        }

        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                return false;
            }

            repetitions = count;
        }

        if (parts.Length == 3)
        {
            if (!TryParseInstant(parts[1], zone, out var startInstant))
            {
                return false;
            }

            start = startInstant;
        }

        return TryParsePeriod(parts[^1], out interval) && interval != Period.Zero;
    }

    /// <summary>
    /// A period as ISO 8601 text, in the units it was given (<c>P4W</c> stays four weeks, as the regulation says it): how
    /// periods are stored and shown. <see cref="ParseStoredPeriod"/> reads it back.
    /// </summary>
    public static string Format(Period period) => PeriodPattern.Roundtrip.Format(period);

    /// <summary>A stored period; one that is not ISO 8601 is a corrupt row, not user input.</summary>
    public static Period ParseStoredPeriod(string text) =>
        TryParsePeriod(text, out var period, allowNegative: true) ? period : throw new FormatException($"'{text}' is not an ISO 8601 period.");

    /// <summary>Adds a period to an instant in local time, so that <c>P1M</c> is a calendar month in <paramref name="zone"/>.</summary>
    public static Instant Add(Instant from, Period period, DateTimeZone zone) =>
        from.InZone(zone).LocalDateTime.Plus(period).InZoneLeniently(zone).ToInstant();

    /// <summary>
    /// Occurrence <paramref name="n"/> of a cycle: <paramref name="start"/> + n × <paramref name="interval"/> in local
    /// time, counted from the start each time, so each occurrence is truncated at month end on its own (lag (1930:173)
    /// 1 §): 31 Jan + 2 × P1M is 31 Mar, not 28 Mar. Null when it lies outside the calendar.
    /// </summary>
    public static Instant? Occurrence(Instant start, Period interval, int n, DateTimeZone zone)
    {
        try
        {
            return start.InZone(zone).LocalDateTime.Plus(Times(interval, n)).InZoneLeniently(zone).ToInstant();
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// The first occurrence from number <paramref name="from"/> on that is later than <paramref name="after"/>, found by
    /// galloping and bisection (occurrences only grow), so a clock that jumped years past a cycle of minutes costs a few
    /// dozen additions, not one per missed occurrence. Null when it lies outside the calendar.
    /// </summary>
    public static (int Occurrence, Instant DueAt)? FirstOccurrenceAfter(Instant start, Period interval, int from, Instant after, DateTimeZone zone)
    {
        bool IsLater(int n) => Occurrence(start, interval, n, zone) is not { } at || at > after;

        if (!IsLater(from))
        {
            // Gallop until an occurrence is later, then bisect between the last one that was not and that one.
            int notLater = from, later;
            for (var step = 1L; ; step *= 2)
            {
                var candidate = from + step;
                if (candidate > int.MaxValue)
                {
                    return null;
                }

                if (IsLater((int)candidate))
                {
                    later = (int)candidate;
                    break;
                }

                notLater = (int)candidate;
            }

            while (later - notLater > 1)
            {
                var middle = notLater + (later - notLater) / 2;
                if (IsLater(middle))
                {
                    later = middle;
                }
                else
                {
                    notLater = middle;
                }
            }

            from = later;
        }

        return Occurrence(start, interval, from, zone) is { } dueAt ? (from, dueAt) : null;
    }

    /// <summary><paramref name="n"/> × <paramref name="period"/>, each unit multiplied; throws <see cref="OverflowException"/> past its range.</summary>
    private static Period Times(Period period, int n) => checked(new PeriodBuilder
    {
        Years = period.Years * n,
        Months = period.Months * n,
        Weeks = period.Weeks * n,
        Days = period.Days * n,
        Hours = period.Hours * n,
        Minutes = period.Minutes * n,
        Seconds = period.Seconds * n,
        Milliseconds = period.Milliseconds * n,
        Ticks = period.Ticks * n,
        Nanoseconds = period.Nanoseconds * n,
    }.Build());

    private static bool HasNegativePart(Period p) =>
        p.Years < 0 || p.Months < 0 || p.Weeks < 0 || p.Days < 0 || p.Hours < 0 || p.Minutes < 0 || p.Seconds < 0 ||
        p.Milliseconds < 0 || p.Ticks < 0 || p.Nanoseconds < 0;

    [GeneratedRegex(@"^P(\d{1,4})W$")]
    private static partial Regex WeeksPattern();
}
