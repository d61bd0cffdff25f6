using NodaTime;

namespace Verkstallighet.Activities.Cases;

/// <summary>The probation sanctions the product handles.</summary>
public enum Sanction
{
    /// <summary>Skyddstillsyn (BrB 28 kap.), with supervision.</summary>
    Skyddstillsyn,

    /// <summary>Villkorlig dom with samhällstjänst (BrB 27 kap.); no supervision.</summary>
    VillkorligDom,

    /// <summary>Villkorlig frigivning from prison (BrB 26 kap.), with supervision.</summary>
    VillkorligFrigivning,
}

public enum CaseStatus
{
    Active,
    TransferredAbroad,
    Closed,
}

/// <summary>A client's case at an office: who, under which sanction, and the dates its deadlines count from.</summary>
public sealed class Case
{
    public Guid Id { get; set; }

    /// <summary>The case number (ärendenummer) people quote and search by; given by the database, one higher for each case.</summary>
    public long Number { get; set; }

    public required string ClientName { get; set; }

    /// <summary>Twelve digits. Never logged; shown masked.</summary>
    public required string Personnummer { get; set; }

    public required string Office { get; set; }

    public Sanction Sanction { get; set; }

    public CaseStatus Status { get; set; }

    public LocalDate? JudgmentEnforceable { get; set; }

    public LocalDate? SupervisionStart { get; set; }

    public LocalDate? SupervisionEnd { get; set; }

    public LocalDate? ReleaseDate { get; set; }

    /// <summary>For villkorlig dom: the hours of samhällstjänst.</summary>
    public int? CommunityServiceHours { get; set; }

    public Guid? WorkflowInstanceId { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public uint RowVersion { get; set; }
}

/// <summary>One line of the access log: who read or wrote which case, when, and what.</summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }

    public Instant At { get; set; }

    public required string UserId { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Read, Write or Denied.</summary>
    public required string Kind { get; set; }

    /// <summary>What was read or written, e.g. "case", "plan 2", "task RiskAssessment". Never personal data.</summary>
    public required string What { get; set; }
}
