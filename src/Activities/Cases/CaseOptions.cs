namespace Verkstallighet.Activities.Cases;

/// <summary>Which workflow a case of each sanction runs (Cases:Workflows in configuration).</summary>
public sealed class CaseOptions
{
    public Dictionary<Sanction, string> Workflows { get; set; } = new()
    {
        [Sanction.Skyddstillsyn] = "Supervision",
        [Sanction.VillkorligFrigivning] = "Supervision",
        [Sanction.VillkorligDom] = "CommunityService",
    };
}
