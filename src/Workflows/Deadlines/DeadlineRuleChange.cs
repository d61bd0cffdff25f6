using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// A new version of a deadline rule, as an administrator asks for it: the period (ISO 8601, a date period such as P1M or
/// P30D), the day it takes effect, whether a due date on a weekend or holiday moves to the next working day, how long
/// before the due date to remind, and why. A day already past needs <see cref="ConfirmPastEffectiveDate"/>.
/// </summary>
public sealed record DeadlineRuleChange(
    string? Period,
    LocalDate? EffectiveFrom,
    bool MoveToNextWorkingDay,
    string? ReminderLeadTime,
    string? Reason,
    bool ConfirmPastEffectiveDate = false)
{
    public const int MaxReasonLength = 2000;
}
