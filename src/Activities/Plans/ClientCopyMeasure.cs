using NodaTime;

namespace Verkstallighet.Activities.Plans;

/// <summary>A measure as the client's copy prints it.</summary>
public sealed record ClientCopyMeasure(string Description, string Area, string Responsible, LocalDate DueDate, string FollowUpMethod);
