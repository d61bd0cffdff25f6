namespace Verkstallighet.Activities.Plans;

/// <summary>The client's participation in drafting the plan (14 §).</summary>
public enum ClientParticipation
{
    Yes,
    No,
    CouldNot,
}
