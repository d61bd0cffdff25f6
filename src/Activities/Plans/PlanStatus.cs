namespace Verkstallighet.Activities.Plans;

public enum PlanStatus
{
    /// <summary>Drafted and waiting for a chief.</summary>
    Submitted,

    /// <summary>Fastställd by a chief: the plan in force.</summary>
    Established,

    /// <summary>Returned to the officer with a comment.</summary>
    Returned,

    /// <summary>Was established; a later version replaced it.</summary>
    Superseded,
}
