using NodaTime;

namespace Verkstallighet.Activities.Plans;

public enum PlanStatus
{
    /// <summary>Drafted and waiting for a chief.</summary>
    Submitted,

    /// <summary>Fastställd by a chief: the plan in force.</summary>
    Established,

    /// <summary>Returned to the officer with a comment.</summary>
    Returned,

    /// <summary>Was established; a later version replaced it.</summary>
    Superseded,
}

/// <summary>The client's participation in drafting the plan (14 §).</summary>
public enum ClientParticipation
{
    Yes,
    No,
    CouldNot,
}

/// <summary>Areas a measure can address.</summary>
public enum MeasureArea
{
    Brottslighet,
    Missbruk,
    Sysselsättning,
    Boende,
    Ekonomi,
    Relationer,
    Hälsa,
    Fritid,
    Övrigt,
}

/// <summary>Who is responsible for a measure: the client, the probation service, or another authority (15 §).</summary>
public enum ResponsibleParty
{
    Klienten,
    Frivården,
    Socialtjänsten,
    HälsoOchSjukvården,
    Arbetsförmedlingen,
    Försäkringskassan,
    AnnanMyndighet,
}

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

/// <summary>A concrete, dated, followable measure (15 §).</summary>
public sealed record Measure(
    Guid Id,
    string Description,
    MeasureArea Area,
    ResponsibleParty Responsible,
    string? OtherAuthority,
    LocalDate DueDate,
    string FollowUpMethod);
