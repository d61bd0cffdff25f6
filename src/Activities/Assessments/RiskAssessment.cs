using NodaTime;

namespace Verkstallighet.Activities.Assessments;

/// <summary>Risk of reoffending, in the terms of the general advice to 13 §.</summary>
public enum RiskLevel
{
    Låg,
    Medel,
    Hög,
}

/// <summary>The factors with the strongest link to reoffending that a risk assessment reviews (13 §, and the description of the investigation).</summary>
public enum RiskFactor
{
    /// <summary>Kriminell historik.</summary>
    CriminalHistory,

    /// <summary>Attityder och värderingar kring brott.</summary>
    AttitudesTowardsCrime,

    /// <summary>Familjesituation.</summary>
    FamilySituation,

    /// <summary>Umgänge.</summary>
    Associates,

    /// <summary>Utbildning och sysselsättning.</summary>
    EducationAndEmployment,

    /// <summary>Missbruk.</summary>
    SubstanceMisuse,
}

/// <summary>Why an assessment was made: the first, or a new one for one of the reasons of the general advice to 13 §.</summary>
public enum AssessmentReason
{
    Initial,
    ProgrammeCompleted,
    AfterMisconduct,
    NeedsMet,
    FollowUp,
}

public sealed record ReviewedFactor(RiskFactor Factor, string Assessment);

/// <summary>A risk and needs assessment (13 §).</summary>
public sealed class RiskAssessment
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public RiskLevel RiskLevel { get; set; }

    public AssessmentReason Reason { get; set; }

    public List<ReviewedFactor> Factors { get; set; } = [];

    public required string RiskManagementMeasures { get; set; }

    public required string Needs { get; set; }

    public required string AssessedBy { get; set; }

    public Instant AssessedAt { get; set; }
}
