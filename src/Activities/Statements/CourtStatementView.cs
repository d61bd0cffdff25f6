using NodaTime;

namespace Verkstallighet.Activities.Statements;

/// <summary>
/// A statement as the officer sees it. A draft not stored yet (assembled from the case) has no number, version 0 and
/// <see cref="Stored"/> false.
/// </summary>
public sealed record CourtStatementView(
    Guid CaseId,
    int? Number,
    CourtStatementStatus Status,
    int Version,
    bool Stored,
    string CurrentSituation,
    string SupervisionOutcome,
    string ClientView,
    string ContinuedSupervision,
    string? CreatedBy,
    Instant? CreatedAt,
    string? UpdatedBy,
    Instant? UpdatedAt,
    string? FinalisedBy,
    Instant? FinalisedAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public CourtStatementSections Sections => new(CurrentSituation, SupervisionOutcome, ClientView, ContinuedSupervision);

    public static CourtStatementView From(CourtStatement s) => new(
        s.CaseId, s.Number, s.Status, s.Version, true, s.CurrentSituation, s.SupervisionOutcome, s.ClientView, s.ContinuedSupervision,
        s.CreatedBy, s.CreatedAt, s.UpdatedBy, s.UpdatedAt, s.FinalisedBy, s.FinalisedAt);

    public static CourtStatementView Assembled(Guid caseId, CourtStatementSections sections) => new(
        caseId, null, CourtStatementStatus.Draft, 0, false, sections.CurrentSituation, sections.SupervisionOutcome, sections.ClientView, sections.ContinuedSupervision,
        null, null, null, null, null, null);
}
