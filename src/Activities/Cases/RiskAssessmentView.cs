using NodaTime;
using Verkstallighet.Activities.Assessments;

namespace Verkstallighet.Activities.Cases;

public sealed record RiskAssessmentView(RiskLevel RiskLevel, AssessmentReason Reason, string AssessedBy, Instant AssessedAt, IReadOnlyList<ReviewedFactor> Factors, string RiskManagementMeasures, string Needs);
