using NodaTime;

namespace Verkstallighet.Activities.Reports;

/// <summary>
/// One month of the trend, by the month the deadlines were due: the plans established within the month, and how many
/// deadlines of any rule were missed.
/// </summary>
public sealed record MonthTrend(YearMonth Month, DeadlineOutcome Plans, int Missed);
