namespace Verkstallighet.Activities.FollowUps;

/// <summary>What the follow-up decides: the plan stands, it changes (17 §), or a new risk assessment is needed (13 §).</summary>
public enum FollowUpDecision
{
    PlanStands,
    PlanChanges,
    NewRiskAssessment,
}
