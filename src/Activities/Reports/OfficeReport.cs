using NodaTime;

namespace Verkstallighet.Activities.Reports;

/// <summary>
/// An office's deadline report over <see cref="From"/> to the end of <see cref="Today"/>'s month (Europe/Stockholm):
/// how many plans were established within the month (KVFS 2011:5 16 § första stycket), how many first follow-ups were
/// done within six months (16 § andra stycket), what is overdue now by rule, and the trend per month.
/// </summary>
public sealed record OfficeReport(
    string Office,
    LocalDate From,
    LocalDate Today,
    DeadlineOutcome PlansEstablished,
    DeadlineOutcome FirstFollowUps,
    IReadOnlyList<RuleOverdue> OverdueByRule,
    IReadOnlyList<MonthTrend> Trend);

/// <summary>
/// Decided deadlines of one rule: met in time, missed (the due date passed first), waived for special reasons. Deadlines
/// not yet due, and those that ended with their case, are in none of them. Waived ones are not part of the share.
/// </summary>
public sealed record DeadlineOutcome(int InTime, int Late, int Waived)
{
    public static DeadlineOutcome None { get; } = new(0, 0, 0);

    /// <summary>The share met in time of those met or missed; null when there are none.</summary>
    public double? Share => InTime + Late == 0 ? null : (double)InTime / (InTime + Late);

    public DeadlineOutcome Add(DeadlineOutcome other) => new(InTime + other.InTime, Late + other.Late, Waived + other.Waived);
}

/// <summary>How many of the office's running cases have a deadline of this rule overdue now.</summary>
public sealed record RuleOverdue(string Rule, string? LegalReference, int Count);

/// <summary>
/// One month of the trend, by the month the deadlines were due: the plans established within the month, and how many
/// deadlines of any rule were missed.
/// </summary>
public sealed record MonthTrend(YearMonth Month, DeadlineOutcome Plans, int Missed);
