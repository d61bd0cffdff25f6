namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// What applying a rule change would do now. <see cref="Fingerprint"/> stands for exactly these moves (each deadline's
/// guard and new date): applying with it refuses if anything changed since.
/// </summary>
public sealed record DeadlineChangeImpact(
    string RuleKey,
    int RuleVersion,
    DeadlineChangeScope Scope,
    int PendingDeadlines,
    int Moving,
    IReadOnlyDictionary<string, int> ByWorkflow,
    IReadOnlyDictionary<string, int> ByOffice,
    IReadOnlyDictionary<int, int> DaysMoved,
    int MovedByNextWorkingDay,
    IReadOnlyList<DeadlineMove> BecomeOverdue,
    string Fingerprint);
