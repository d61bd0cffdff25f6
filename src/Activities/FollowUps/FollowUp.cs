using NodaTime;

namespace Verkstallighet.Activities.FollowUps;

/// <summary>How far a measure has come (16–17 §§).</summary>
public enum MeasureStatus
{
    Genomförd,
    Pågår,
    EjPåbörjad,
    Avbruten,
}

/// <summary>What the follow-up decides: the plan stands, it changes (17 §), or a new risk assessment is needed (13 §).</summary>
public enum FollowUpDecision
{
    PlanStands,
    PlanChanges,
    NewRiskAssessment,
}

/// <summary>Which follow-up of 16 § this is.</summary>
public enum FollowUpKind
{
    /// <summary>Within six months of the start of supervision.</summary>
    Scheduled,

    /// <summary>Of the prison plan, for a conditionally released client, within a month.</summary>
    PrisonPlan,

    /// <summary>Before a transfer to another office, or abroad.</summary>
    BeforeTransfer,

    /// <summary>Within four weeks after a transfer, by the receiving office.</summary>
    AfterTransfer,

    /// <summary>Before supervision ends.</summary>
    BeforeEnd,

    /// <summary>When there is reason to.</summary>
    Other,
}

public sealed record MeasureFollowUp(Guid MeasureId, MeasureStatus Status, string? Note);

/// <summary>A follow-up of the plan (16–17 §§).</summary>
public sealed class FollowUp
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The plan version followed up, if the case had one.</summary>
    public int? PlanVersion { get; set; }

    public FollowUpKind Kind { get; set; }

    public List<MeasureFollowUp> Measures { get; set; } = [];

    public FollowUpDecision Decision { get; set; }

    public string? Notes { get; set; }

    public required string By { get; set; }

    public Instant At { get; set; }
}
