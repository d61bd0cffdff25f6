using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// When a deadline's reminder comes: its due date minus the lead time of the rule version it was counted with, in
/// NodaTime's calendar arithmetic (31 Mar − P1M is 28 Feb, as lag (1930:173) 1 § truncates). From that day until the due
/// date the deadline is due soon; after it, it is overdue and the escalation takes over.
/// </summary>
public static class DeadlineReminder
{
    /// <summary>The day the reminder for a deadline due on <paramref name="dueDate"/> comes.</summary>
    public static LocalDate RemindOn(LocalDate dueDate, Period leadTime) => dueDate.Minus(leadTime);

    /// <summary>Due soon: a lead time, its reminder day reached, and the due date not yet passed.</summary>
    public static bool IsDueSoon(LocalDate dueDate, Period? leadTime, LocalDate today) =>
        leadTime is { } lead && today <= dueDate && RemindOn(dueDate, lead) <= today;

    /// <summary>
    /// The latest due date whose reminder has come by <paramref name="today"/>, so a query can select the deadlines due
    /// soon with <c>due_date &lt;= it</c>. <see cref="RemindOn"/> never decreases as the due date grows, so the answer is
    /// a threshold; month-end truncation puts it up to a few days after <c>today + lead</c>, and a lead with months and
    /// days can put it before, so it is found by stepping from there.
    /// </summary>
    public static LocalDate LatestDueDateRemindedBy(LocalDate today, Period leadTime)
    {
        var due = today.Plus(leadTime);
        while (RemindOn(due, leadTime) > today)
        {
            due = due.PlusDays(-1);
        }

        while (RemindOn(due.PlusDays(1), leadTime) <= today)
        {
            due = due.PlusDays(1);
        }

        return due;
    }
}
