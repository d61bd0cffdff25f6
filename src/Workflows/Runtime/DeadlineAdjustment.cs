using NodaTime;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// A change to one case's pending deadline, with its reason: move it to <paramref name="MoveTo"/>, or fire it now
/// (<paramref name="FireNow"/>), so that what follows a missed deadline (the chief's escalation) starts today.
/// </summary>
public sealed record DeadlineAdjustment(LocalDate? MoveTo, bool FireNow, string? Reason)
{
    public const int MaxReasonLength = 2000;

    /// <summary>How far ahead a deadline can be moved: far enough for any sentence, near enough for the calendar's arithmetic.</summary>
    public const int MaxYearsAhead = 100;

    /// <summary>
    /// Throws <see cref="FormInvalidException"/> naming the fields unless exactly one change and a reason are given, and
    /// a new due date is at most <see cref="MaxYearsAhead"/> years after <paramref name="today"/>.
    /// </summary>
    public void EnsureValid(LocalDate today)
    {
        var problems = new FieldProblems();
        if (FireNow == MoveTo.HasValue)
        {
            problems.Add("moveTo", "Give either the new due date (moveTo) or fireNow: true, not both.");
        }
        else if (MoveTo > today.PlusYears(MaxYearsAhead))
        {
            problems.Add("moveTo", $"A deadline can be moved at most {MaxYearsAhead} years ahead.");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            problems.Add("reason", "Say why the deadline changes.");
        }
        else if (Reason.Length > MaxReasonLength)
        {
            problems.Add("reason", $"The reason may be at most {MaxReasonLength} characters.");
        }

        if (problems.Any)
        {
            throw new FormInvalidException(problems.All);
        }
    }
}
