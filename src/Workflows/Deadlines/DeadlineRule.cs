using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// One version of a deadline rule: a period counted from an anchor date, with its legal reference. Rules are data an
/// administrator owns; a change is a new version with an effective date, never an overwrite.
/// </summary>
public sealed class DeadlineRule
{
    public Guid Id { get; set; }

    public required string Key { get; set; }

    public int Version { get; set; }

    /// <summary>A date period, e.g. one month; stored as ISO 8601 text in the units it was given (P4W, not P28D).</summary>
    public required Period Period { get; set; }

    public required string LegalReference { get; set; }

    public required string Description { get; set; }

    public LocalDate EffectiveFrom { get; set; }

    /// <summary>Move a due date on a weekend or holiday to the next working day (lag (1930:173) 2 §).</summary>
    public bool MoveToNextWorkingDay { get; set; }

    /// <summary>How long before the due date the officer is reminded; none when null.</summary>
    public Period? ReminderLeadTime { get; set; }

    /// <summary>
    /// The version took effect on a day already past when it was made, and its author confirmed that on purpose (a
    /// change that should have been entered earlier, say).
    /// </summary>
    public bool PastEffectiveDateConfirmed { get; set; }

    public required string ChangedBy { get; set; }

    public required string ChangeReason { get; set; }

    public Instant CreatedAt { get; set; }
}
