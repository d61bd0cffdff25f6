namespace Verkstallighet.Activities.Assessments;

public sealed record ReviewedFactor(RiskFactor Factor, string Assessment);
