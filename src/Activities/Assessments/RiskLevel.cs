namespace Verkstallighet.Activities.Assessments;

/// <summary>Risk of reoffending, in the terms of the general advice to 13 §.</summary>
public enum RiskLevel
{
    Låg,
    Medel,
    Hög,
}
