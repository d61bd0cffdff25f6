namespace Verkstallighet.Activities.Cases;

/// <summary>The probation sanctions the product handles.</summary>
public enum Sanction
{
    /// <summary>Skyddstillsyn (BrB 28 kap.), with supervision.</summary>
    Skyddstillsyn,

    /// <summary>Villkorlig dom with samhällstjänst (BrB 27 kap.); no supervision.</summary>
    VillkorligDom,

    /// <summary>Villkorlig frigivning from prison (BrB 26 kap.), with supervision.</summary>
    VillkorligFrigivning,
}
