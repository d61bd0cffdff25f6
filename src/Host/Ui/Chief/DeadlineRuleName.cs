using Verkstallighet.Activities.Deadlines;

namespace Verkstallighet.Host.Ui.Chief;

/// <summary>The deadline rules' keys as users read them; a rule added later shows its key until it gets a name here.</summary>
public static class DeadlineRuleName
{
    public static string Of(string rule) => rule switch
    {
        Kvfs2011DeadlineRules.PlanEstablishment => "Verkställighetsplan inom en månad",
        Kvfs2011DeadlineRules.PrisonPlanFollowUp => "Uppföljning av anstaltsplanen inom en månad",
        Kvfs2011DeadlineRules.FirstFollowUp => "Uppföljning inom sex månader",
        Kvfs2011DeadlineRules.FollowUpAfterTransfer => "Uppföljning inom fyra veckor efter överflyttning",
        Kvfs2011DeadlineRules.FollowUpBeforeEnd => "Uppföljning inför övervakningens upphörande",
        Kvfs2011DeadlineRules.ClientNotReached => "Misskötsamhetsbedömning efter en månad utan kontakt",
        Kvfs2011DeadlineRules.CommunityServiceStart => "Samhällstjänsten påbörjad inom åtta veckor",
        _ => rule,
    };
}
