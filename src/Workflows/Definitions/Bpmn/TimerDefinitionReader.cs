using System.Xml.Linq;
using NodaTime;
using Verkstallighet.Workflows.Time;
using Verkstallighet.Workflows.Timers;
using static Verkstallighet.Workflows.Definitions.BpmnVocabulary;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Reads a timer event definition into a <see cref="TimerSpec"/>: exactly one of a deadline rule, a duration, a date
/// or a cycle, the first two optionally counted from an anchor date variable.
/// </summary>
internal sealed class TimerDefinitionReader(ParseSession session)
{
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    /// <summary>The timer, or null when it is refused, its problem reported.</summary>
    public TimerSpec? Read(XElement definition, string id)
    {
        var rule = ((string?)definition.Attribute(Vp + "deadlineRule"))?.Trim();
        var anchor = ((string?)definition.Attribute(Vp + "anchor"))?.Trim();
        var duration = definition.Element(Bpmn + "timeDuration")?.Value.Trim();
        var date = definition.Element(Bpmn + "timeDate")?.Value.Trim();
        var cycle = definition.Element(Bpmn + "timeCycle")?.Value.Trim();
        if (new[] { duration, date, cycle }.FirstOrDefault(v => v is not null && IsFeelOrJuel(v)) is { } expression)
        {
            session.Problem(id, $"FEEL/JUEL is not supported in timers ('{Shorten(expression)}'); give an ISO 8601 duration (P1M), date or cycle (R3/PT1H), or vp:deadlineRule with vp:anchor.");
            return null;
        }

        var given = new[] { rule, duration, date, cycle }.Count(v => !string.IsNullOrEmpty(v));
        if (given != 1)
        {
            session.Problem(id, given == 0
                ? "The timer has no time: give a timeDuration, timeDate or timeCycle, or vp:deadlineRule with vp:anchor."
                : "The timer gives more than one of timeDuration, timeDate, timeCycle and vp:deadlineRule; give exactly one.");
            return null;
        }

        if (anchor is not null && !IsVariableName(anchor))
        {
            session.Problem(id, $"vp:anchor '{anchor}' is not a variable name.");
            return null;
        }

        if (!string.IsNullOrEmpty(rule))
        {
            return ReadDeadline(rule, anchor, id);
        }

        if (!string.IsNullOrEmpty(duration))
        {
            return ReadDuration(duration, anchor, id);
        }

        if (anchor is not null)
        {
            session.Problem(id, "vp:anchor goes with vp:deadlineRule or timeDuration only.");
            return null;
        }

        return !string.IsNullOrEmpty(date) ? ReadDate(date, id) : ReadCycle(cycle!, id);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private TimerSpec? ReadDeadline(string rule, string? anchor, string id)
    {
        if (string.IsNullOrEmpty(anchor))
        {
            session.Problem(id, $"The deadline rule '{rule}' needs vp:anchor: the date variable the deadline counts from.");
            return null;
        }

        if (!session.Environment.DeadlineRuleExists(rule))
        {
            session.Problem(id, $"Unknown deadline rule '{rule}'.");
            return null;
        }

        return new TimerSpec(TimerSpecKind.Deadline, rule, AnchorVariable: anchor, DeadlineRule: rule);
    }

    private TimerSpec? ReadDuration(string duration, string? anchor, string id)
    {
        // Counted from an anchor date, a duration may go backwards: -P1M is a month before the anchor.
        if (!IsoTime.TryParsePeriod(duration, out var period, allowNegative: anchor is not null))
        {
            session.Problem(id, $"The timer duration '{duration}' is not an ISO 8601 duration such as P1M, P4W or PT15M" +
                                (anchor is null ? "." : ", or one with a minus (-P1M) to count back from the anchor."));
            return null;
        }

        if (anchor is not null && period.HasTimeComponent)
        {
            session.Problem(id, $"With vp:anchor the duration counts whole days from a date; '{duration}' has a time part.");
            return null;
        }

        return new TimerSpec(TimerSpecKind.Duration, duration, Period: period, AnchorVariable: anchor);
    }

    private TimerSpec? ReadDate(string date, string id)
    {
        if (!IsoTime.TryParseInstant(date, Stockholm, out _))
        {
            session.Problem(id, $"The timer date '{date}' is not an ISO 8601 date or date-time.");
            return null;
        }

        return new TimerSpec(TimerSpecKind.Date, date);
    }

    private TimerSpec? ReadCycle(string cycle, string id)
    {
        if (!IsoTime.TryParseCycle(cycle, Stockholm, out var repetitions, out var start, out var interval))
        {
            session.Problem(id, $"The timer cycle '{cycle}' is not an ISO 8601 repeating interval such as R3/PT1H or R/P1D.");
            return null;
        }

        return new TimerSpec(TimerSpecKind.Cycle, cycle, Period: interval, Repetitions: repetitions, CycleStart: start);
    }
}
