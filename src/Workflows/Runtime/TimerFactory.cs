using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// Makes the timer of a timer event from its <see cref="TimerSpec"/>: a deadline from the version of its rule in effect
/// on its anchor date (looked up in the step's <see cref="DeadlineRuleBook"/>, never in the database) counted from that
/// date variable, a duration from a date
/// variable, or a literal duration, date or cycle.
/// </summary>
internal sealed class TimerFactory(WorkflowInstance instance, InstanceVariables variables, DeadlineRuleBook rules, Instant now)
{
    public WorkflowTimer Create(TimerSpec spec, string elementId)
    {
        var timer = new WorkflowTimer
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            InstanceId = instance.Id,
            DefinitionId = instance.DefinitionId,
            ElementId = elementId,
            CreatedAt = now,
        };
        switch (spec.Kind)
        {
            case TimerSpecKind.Deadline:
            {
                var anchor = variables.ReadDate(spec.AnchorVariable!, elementId);
                var rule = Rule(spec, anchor);
                CountFrom(timer, spec.AnchorVariable!, anchor, rule.Period, rule.MoveToNextWorkingDay);
                timer.DeadlineRuleKey = rule.Key;
                timer.DeadlineRuleVersion = rule.Version;
                break;
            }

            case TimerSpecKind.Duration when spec.AnchorVariable is not null:
                CountFrom(timer, spec.AnchorVariable, variables.ReadDate(spec.AnchorVariable, elementId), spec.Period!, moveToNextWorkingDay: false);
                break;
            default:
                TimerSchedule.ApplyLiteral(timer, spec, now);
                break;
        }

        return timer;
    }

    /// <summary>
    /// The rule version in effect on the anchor date, not on the day the step runs: a case's deadline does not depend on
    /// when a step happened to run, and an anchor before a change keeps the period it had (as transition provisions say).
    /// </summary>
    private EffectiveDeadlineRule Rule(TimerSpec spec, LocalDate anchor)
    {
        try
        {
            return rules.Effective(spec.DeadlineRule!, anchor)
                ?? throw new ElementFailedException($"The deadline rule '{spec.DeadlineRule}' does not exist.");
        }
        catch (InvalidOperationException e)
        {
            throw new ElementFailedException(e.Message, e);
        }
    }

    private static void CountFrom(WorkflowTimer timer, string anchorVariable, LocalDate anchor, Period period, bool moveToNextWorkingDay)
    {
        timer.DueDate = DeadlineCalculator.DueDate(anchor, period, moveToNextWorkingDay);
        timer.DueAt = DeadlineCalculator.OverdueAt(timer.DueDate.Value);
        timer.AnchorVariable = anchorVariable;
        timer.AnchorDate = anchor;
    }
}
