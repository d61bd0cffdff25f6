using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// One pending deadline that a rule change moves: from its due date to <paramref name="NewDueDate"/>, counted with
/// <paramref name="NewRuleVersion"/>. <paramref name="MovedByWorkingDay"/>: the next-working-day rule moved the new date.
/// </summary>
public sealed record DeadlineMove(PendingDeadline Deadline, LocalDate NewDueDate, int NewRuleVersion, bool MovedByWorkingDay)
{
    public int DaysMoved => Period.DaysBetween(Deadline.DueDate, NewDueDate);
}
