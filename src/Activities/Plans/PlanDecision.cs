namespace Verkstallighet.Activities.Plans;

public enum PlanDecision
{
    /// <summary>Fastställ planen.</summary>
    Establish,

    /// <summary>Återsänd planen till handläggaren med en kommentar.</summary>
    Return,
}
