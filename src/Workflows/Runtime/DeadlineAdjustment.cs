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

    /// <summary>Throws <see cref="FormInvalidException"/> naming the fields unless exactly one change and a reason are given.</summary>
    public void EnsureValid()
    {
        var problems = new FieldProblems();
        if (FireNow == MoveTo.HasValue)
        {
            problems.Add("moveTo", "Give either the new due date (moveTo) or fireNow: true, not both.");
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
