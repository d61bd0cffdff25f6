using NodaTime;
using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Activities.Deadlines;

/// <summary>
/// The deadlines of KVFS 2011:5 as shipped (first versions, in force from 1 April 2011). Administrators own them from
/// then on: a later change is a new version with an effective date.
/// </summary>
public static class Kvfs2011DeadlineRules
{
    public static readonly LocalDate InForce = new(2011, 4, 1);

    public const string PlanEstablishment = "PlanEstablishment";
    public const string PrisonPlanFollowUp = "PrisonPlanFollowUp";
    public const string FirstFollowUp = "FirstFollowUp";
    public const string FollowUpAfterTransfer = "FollowUpAfterTransfer";
    public const string FollowUpBeforeEnd = "FollowUpBeforeEnd";
    public const string ClientNotReached = "ClientNotReached";
    public const string CommunityServiceStart = "CommunityServiceStart";

    private const string Shipped = "Levererad regel.";

    /// <summary>A week's notice before each shipped deadline, as the inbox gave before lead times were per rule.</summary>
    private const string ShippedReminder = "P1W";

    public static IReadOnlyList<DeadlineRuleSeed> All { get; } =
    [
        new(PlanEstablishment, "P1M", "KVFS 2011:5 16 § första stycket",
            "Verkställighetsplanen ska upprättas inom en månad från övervakningens början.", InForce, ChangeReason: Shipped, ReminderLeadTime: ShippedReminder),
        new(PrisonPlanFollowUp, "P1M", "KVFS 2011:5 16 § första stycket",
            "För villkorligt frigivna ska planen från anstalten följas upp inom en månad från övervakningens början.", InForce, ChangeReason: Shipped, ReminderLeadTime: ShippedReminder),
        new(FirstFollowUp, "P6M", "KVFS 2011:5 16 § andra stycket",
            "Planen ska följas upp minst inom sex månader från övervakningens början.", InForce, ChangeReason: Shipped, ReminderLeadTime: ShippedReminder),
        new(FollowUpAfterTransfer, "P4W", "KVFS 2011:5 16 § andra stycket",
            "Planen ska följas upp inom fyra veckor efter överflyttning av övervakningen.", InForce, ChangeReason: Shipped, ReminderLeadTime: ShippedReminder),
        new(FollowUpBeforeEnd, "P0D", "KVFS 2011:5 16 § andra stycket",
            "Planen ska följas upp inför övervakningens upphörande, senast den dag övervakningen upphör.", InForce, ChangeReason: Shipped, ReminderLeadTime: ShippedReminder),
        new(ClientNotReached, "P1M", "KVFS 2011:5 allmänna råd till 16 §",
            "Om den dömde inte hörsammar kallelser eller inte gått att nå inom en månad bör misskötsamhetsbedömning göras.", InForce, ChangeReason: Shipped, ReminderLeadTime: ShippedReminder),
        new(CommunityServiceStart, "P8W", "KVFS 2011:5 allmänna råd till 3 och 4 §§",
            "Verkställighet av samhällstjänst bör normalt påbörjas inom åtta veckor efter att domen blivit verkställbar.", InForce, ChangeReason: Shipped, ReminderLeadTime: ShippedReminder),
    ];
}
