using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// Makes the timer of a timer event from its <see cref="TimerSpec"/>: a deadline from its rule (looked up in the step's
/// <see cref="DeadlineRuleBook"/>, never in the database) counted from a date variable, a duration from a date
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
                CountFrom(timer, spec.AnchorVariable!, elementId, Rule(spec));
                break;
            case TimerSpecKind.Duration when spec.AnchorVariable is not null:
                CountFrom(timer, spec.AnchorVariable, elementId, rule: null, spec.Period!);
                break;
            default:
                TimerSchedule.ApplyLiteral(timer, spec, now);
                break;
        }

        return timer;
    }

    private EffectiveDeadlineRule Rule(TimerSpec spec)
    {
        try
        {
            return rules.Effective(spec.DeadlineRule!, Stockholm.DateOf(now))
                ?? throw new ElementFailedException($"The deadline rule '{spec.DeadlineRule}' does not exist.");
        }
        catch (InvalidOperationException e)
        {
            throw new ElementFailedException(e.Message, e);
        }
    }

    private void CountFrom(WorkflowTimer timer, string anchorVariable, string elementId, EffectiveDeadlineRule? rule, Period? period = null)
    {
        var anchor = variables.ReadDate(anchorVariable, elementId);
        timer.DueDate = DeadlineCalculator.DueDate(anchor, rule?.Period ?? period!, rule?.MoveToNextWorkingDay ?? false);
        timer.DueAt = DeadlineCalculator.OverdueAt(timer.DueDate.Value);
        timer.DeadlineRuleKey = rule?.Key;
        timer.DeadlineRuleVersion = rule?.Version;
        timer.AnchorVariable = anchorVariable;
        timer.AnchorDate = anchor;
    }
}
