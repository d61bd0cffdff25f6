using NodaTime;

namespace Verkstallighet.Activities.Statements;

/// <summary>A time the client could not be reached (the ClientNotReached event), and when contact was regained, if it was.</summary>
public sealed record ClientContactEpisode(LocalDate NotReachedFrom, LocalDate? ReachedOn);
