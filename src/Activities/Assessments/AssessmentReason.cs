namespace Verkstallighet.Activities.Assessments;

/// <summary>Why an assessment was made: the first, or a new one for one of the reasons of the general advice to 13 §.</summary>
public enum AssessmentReason
{
    Initial,
    ProgrammeCompleted,
    AfterMisconduct,
    NeedsMet,
    FollowUp,
}
