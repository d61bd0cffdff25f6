using NodaTime;
using Verkstallighet.Activities.Plans;

namespace Verkstallighet.Activities.Cases;

public sealed record PlanView(
    int Version, PlanStatus Status, ClientParticipation ClientParticipation, string? ParticipationReason, IReadOnlyList<Measure> Measures,
    string DraftedBy, Instant DraftedAt, string? DecidedBy, Instant? DecidedAt, string? ReturnComment,
    LocalDate? KollegiumDate = null, IReadOnlyList<string>? KollegiumParticipants = null)
{
    public static PlanView From(Plan p) =>
        new(p.Version, p.Status, p.ClientParticipation, p.ParticipationReason, p.Measures, p.DraftedBy, p.DraftedAt, p.DecidedBy, p.DecidedAt, p.ReturnComment,
            p.KollegiumDate, p.KollegiumParticipants);
}
