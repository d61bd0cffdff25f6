namespace Verkstallighet.Activities.Reports;

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
