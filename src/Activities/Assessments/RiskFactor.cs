namespace Verkstallighet.Activities.Assessments;

/// <summary>The factors with the strongest link to reoffending that a risk assessment reviews (13 §, and the description of the investigation).</summary>
public enum RiskFactor
{
    /// <summary>Kriminell historik.</summary>
    CriminalHistory,

    /// <summary>Attityder och värderingar kring brott.</summary>
    AttitudesTowardsCrime,

    /// <summary>Familjesituation.</summary>
    FamilySituation,

    /// <summary>Umgänge.</summary>
    Associates,

    /// <summary>Utbildning och sysselsättning.</summary>
    EducationAndEmployment,

    /// <summary>Missbruk.</summary>
    SubstanceMisuse,
}
