using NodaTime;

namespace Verkstallighet.Activities.Cases;

/// <summary>A case in a list: the personnummer masked.</summary>
public sealed record CaseSummary(Guid Id, long Number, string ClientName, string Personnummer, string Office, Sanction Sanction, CaseStatus Status, LocalDate? SupervisionStart, LocalDate? SupervisionEnd);
