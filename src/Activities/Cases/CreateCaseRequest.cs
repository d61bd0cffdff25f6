using NodaTime;

namespace Verkstallighet.Activities.Cases;

public sealed record CreateCaseRequest(
    string? ClientName,
    string? Personnummer,
    string? Office,
    Sanction? Sanction,
    LocalDate? JudgmentEnforceable,
    LocalDate? SupervisionStart,
    LocalDate? SupervisionEnd,
    LocalDate? ReleaseDate,
    int? CommunityServiceHours);
