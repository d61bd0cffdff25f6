using NodaTime;

namespace Verkstallighet.Activities.Plans;

/// <summary>
/// A version of a client's verkställighetsplan. Every submission is a new version; earlier versions stay readable.
/// The plan in force is the latest established one.
/// </summary>
public sealed class Plan
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public int Version { get; set; }

    public PlanStatus Status { get; set; }

    public ClientParticipation ClientParticipation { get; set; }

    public string? ParticipationReason { get; set; }

    public List<Measure> Measures { get; set; } = [];

    public required string DraftedBy { get; set; }

    public Instant DraftedAt { get; set; }

    public string? DecidedBy { get; set; }

    public Instant? DecidedAt { get; set; }

    public string? ReturnComment { get; set; }

    /// <summary>The day of the kollegium at which the plan was established.</summary>
    public LocalDate? KollegiumDate { get; set; }

    /// <summary>Who took part in that kollegium.</summary>
    public List<string> KollegiumParticipants { get; set; } = [];
}
