using NodaTime;

namespace Verkstallighet.Activities.Assessments;

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
