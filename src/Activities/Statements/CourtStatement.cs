using NodaTime;

namespace Verkstallighet.Activities.Statements;

/// <summary>
/// A statement to the court in a criminal case about a client under supervision (yttrande i brottmål, the general
/// advice to 5 kap. 9 § förordningen (1998:642)). A case has at most one draft at a time; each statement is numbered
/// within its case. <see cref="Version"/> counts the saves and is the concurrency token: a save from an older version
/// is refused.
/// </summary>
public sealed class CourtStatement
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>1 for the case's first statement, then 2, …</summary>
    public int Number { get; set; }

    public CourtStatementStatus Status { get; set; }

    public int Version { get; set; }

    public required string CurrentSituation { get; set; }

    public required string SupervisionOutcome { get; set; }

    public required string ClientView { get; set; }

    public required string ContinuedSupervision { get; set; }

    public required string CreatedBy { get; set; }

    public Instant CreatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public Instant UpdatedAt { get; set; }

    public string? FinalisedBy { get; set; }

    public Instant? FinalisedAt { get; set; }
}
