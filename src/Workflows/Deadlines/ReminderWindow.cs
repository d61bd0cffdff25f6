using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// One rule version with a reminder lead time, read on one day: its pending deadlines due from that day up to
/// <paramref name="LatestDueDate"/> have had their reminder day come.
/// </summary>
public sealed record ReminderWindow(string RuleKey, int RuleVersion, Period LeadTime, LocalDate LatestDueDate, string LegalReference);
