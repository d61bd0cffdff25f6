namespace Verkstallighet.Workflows.Runtime;

public enum DeadlineStatus
{
    /// <summary>Not due yet.</summary>
    Pending,

    /// <summary>What it watched was done in time.</summary>
    Met,

    /// <summary>Its due date has passed without it being met (its timer has fired, or is about to).</summary>
    Overdue,

    /// <summary>What it watched was done, but after the due date (its timer had fired).</summary>
    MetLate,

    /// <summary>Waived for a recorded reason.</summary>
    Waived,

    /// <summary>The work it watched was interrupted or the workflow ended first.</summary>
    Cancelled,
}
