using NodaTime;

namespace Verkstallighet.Activities.Plans;

/// <summary>A concrete, dated, followable measure (15 §).</summary>
public sealed record Measure(
    Guid Id,
    string Description,
    MeasureArea Area,
    ResponsibleParty Responsible,
    string? OtherAuthority,
    LocalDate DueDate,
    string FollowUpMethod);
