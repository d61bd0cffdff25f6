using NodaTime;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// A change to one case's pending deadline, with its reason: move it to <paramref name="MoveTo"/>, or fire it now
/// (<paramref name="FireNow"/>), so that what follows a missed deadline (the chief's escalation) starts today.
/// </summary>
public sealed record DeadlineAdjustment(LocalDate? MoveTo, bool FireNow, string? Reason)
{
    public const int MaxReasonLength = 2000;
}
