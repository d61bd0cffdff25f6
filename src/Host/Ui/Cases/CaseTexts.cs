using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.FollowUps;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Ui.Cases;

/// <summary>The Swedish words the case pages show for the domain's and the engine's values.</summary>
public static class CaseTexts
{
    public static string Sanction(Sanction sanction) => sanction switch
    {
        Activities.Cases.Sanction.Skyddstillsyn => "Skyddstillsyn",
        Activities.Cases.Sanction.VillkorligDom => "Villkorlig dom med samhällstjänst",
        Activities.Cases.Sanction.VillkorligFrigivning => "Villkorlig frigivning",
        _ => sanction.ToString(),
    };

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Active => "Pågående",
        CaseStatus.TransferredAbroad => "Överflyttat till annat land",
        CaseStatus.Closed => "Avslutat",
        _ => status.ToString(),
    };

    public static string Plan(PlanStatus status) => status switch
    {
        PlanStatus.Submitted => "Väntar på fastställelse",
        PlanStatus.Established => "Fastställd",
        PlanStatus.Returned => "Återsänd",
        PlanStatus.Superseded => "Ersatt av senare version",
        _ => status.ToString(),
    };

    public static string Participation(ClientParticipation participation) => participation switch
    {
        ClientParticipation.Yes => "Klienten deltog",
        ClientParticipation.No => "Klienten deltog inte",
        ClientParticipation.CouldNot => "Klienten kunde inte delta",
        _ => participation.ToString(),
    };

    public static string Responsible(Measure measure) => measure.Responsible switch
    {
        ResponsibleParty.HälsoOchSjukvården => "Hälso- och sjukvården",
        ResponsibleParty.AnnanMyndighet => string.IsNullOrWhiteSpace(measure.OtherAuthority) ? "Annan myndighet" : measure.OtherAuthority,
        _ => measure.Responsible.ToString(),
    };

    public static string Measure(MeasureStatus status) => status switch
    {
        MeasureStatus.Genomförd => "Genomförd",
        MeasureStatus.Pågår => "Pågår",
        MeasureStatus.EjPåbörjad => "Ej påbörjad",
        MeasureStatus.Avbruten => "Avbruten",
        _ => status.ToString(),
    };

    public static string Deadline(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Pending => "Väntande",
        DeadlineStatus.Met => "Uppfylld",
        DeadlineStatus.Overdue => "Försenad",
        DeadlineStatus.MetLate => "Uppfylld efter förfallodagen",
        DeadlineStatus.Waived => "Undantagen (särskilda skäl)",
        DeadlineStatus.Cancelled => "Avbruten",
        _ => status.ToString(),
    };

    public static string Journal(string kind) => kind switch
    {
        JournalKinds.InstanceStarted => "Ärendet startade",
        JournalKinds.InstanceCompleted => "Arbetsflödet avslutades",
        JournalKinds.InstanceTerminated => "Arbetsflödet avbröts",
        JournalKinds.ElementCompleted => "Steg klart",
        JournalKinds.ElementCancelled => "Steg avbrutet",
        JournalKinds.TaskCreated => "Uppgift skapad",
        JournalKinds.TaskClaimed => "Uppgift tagen",
        JournalKinds.TaskReleased => "Uppgift släppt",
        JournalKinds.TaskCompleted => "Uppgift slutförd",
        JournalKinds.TaskCancelled => "Uppgift avbruten",
        JournalKinds.TimerScheduled => "Tidsfrist satt",
        JournalKinds.TimerFired => "Tidsfrist löpte ut",
        JournalKinds.DeadlineWaived => "Tidsfrist undantagen",
        JournalKinds.DeadlineMoved => "Tidsfrist flyttad",
        JournalKinds.DeadlineFiredNow => "Tidsfrist fick löpa ut i förtid",
        JournalKinds.DeadlineRescheduled => "Tidsfrist omräknad efter ändrad regel",
        JournalKinds.MessageReceived => "Händelse registrerad",
        JournalKinds.OfficeChanged => "Kontor ändrat",
        JournalKinds.GatewayDecided => "Val i arbetsflödet",
        JournalKinds.IncidentRaised => "Fel i arbetsflödet",
        JournalKinds.IncidentResolved => "Fel åtgärdat",
        JournalKinds.Note => "Anteckning",
        _ => kind,
    };
}
