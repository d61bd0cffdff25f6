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
