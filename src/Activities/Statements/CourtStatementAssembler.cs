using System.Text;
using NodaTime;
using Verkstallighet.Activities.Assessments;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Documents;
using Verkstallighet.Activities.FollowUps;
using Verkstallighet.Activities.Misconduct;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Statements;

/// <summary>
/// Drafts a statement to the court from the plan's documentation (general advice to 5 kap. 9 § förordningen
/// (1998:642)): the current situation from the latest risk and needs assessment and the plan in force; how supervision
/// has gone from the follow-ups, the measures' statuses, the times the client could not be reached and misconduct
/// reviews. The position on continued supervision is the officer's, so that section starts empty; the client's view
/// starts with a note when the client cannot be reached (then the information may be left out).
/// </summary>
public static class CourtStatementAssembler
{
    public static CourtStatementSections Assemble(CourtStatementSources sources) =>
        new(CurrentSituation(sources), SupervisionOutcome(sources), ClientView(sources), "");

    private static string CurrentSituation(CourtStatementSources s)
    {
        var text = new StringBuilder();
        var @case = s.Case;
        text.Append($"Påföljd: {ClientCopy.SanctionName(@case.Sanction)}.");
        if (@case.SupervisionStart is { } start)
        {
            text.Append($" Övervakning från {D(start)}{(@case.SupervisionEnd is { } end ? $" till {D(end)}" : "")}.");
        }

        text.AppendLine($" Ärendet handläggs av frivården {@case.Office}.");

        text.AppendLine();
        if (s.LatestAssessment is { } assessment)
        {
            text.AppendLine($"Risk- och behovsbedömning {D(Day(assessment.AssessedAt))} ({ReasonText(assessment.Reason)}): risken för återfall i brott bedöms som {assessment.RiskLevel.ToString().ToLowerInvariant()}.");
            foreach (var factor in assessment.Factors)
            {
                text.AppendLine($"- {FactorText(factor.Factor)}: {factor.Assessment}");
            }

            text.AppendLine($"Behov: {assessment.Needs}");
            text.AppendLine($"Riskhanterande åtgärder: {assessment.RiskManagementMeasures}");
        }
        else
        {
            text.AppendLine("Någon risk- och behovsbedömning har ännu inte gjorts (KVFS 2011:5 13 §).");
        }

        text.AppendLine();
        if (CurrentPlan(s) is { } plan)
        {
            text.AppendLine($"Verkställighetsplanen (version {plan.Version}) fastställdes {D(plan.DecidedAt is { } at ? Day(at) : null)}. Den innehåller dessa åtgärder:");
            foreach (var measure in plan.Measures.OrderBy(m => m.DueDate))
            {
                text.AppendLine($"- {measure.Description} ({measure.Area}; ansvarig: {ClientCopy.ResponsibleText(measure)}; klar senast {D(measure.DueDate)}).");
            }
        }
        else
        {
            text.AppendLine("Någon verkställighetsplan har ännu inte fastställts.");
        }

        return text.ToString().TrimEnd();
    }

    private static string SupervisionOutcome(CourtStatementSources s)
    {
        var text = new StringBuilder();
        var measures = s.Plans.SelectMany(p => p.Measures).GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.Last().Description);
        if (s.FollowUps.Count == 0)
        {
            text.AppendLine("Planen har ännu inte följts upp.");
        }

        foreach (var followUp in s.FollowUps.OrderBy(f => f.At))
        {
            text.AppendLine($"Uppföljning {D(Day(followUp.At))} ({KindText(followUp.Kind)}): {DecisionText(followUp.Decision)}");
            foreach (var measure in followUp.Measures)
            {
                var name = measures.TryGetValue(measure.MeasureId, out var description) ? description : "Åtgärd";
                text.AppendLine($"- {name}: {StatusText(measure.Status)}{(string.IsNullOrWhiteSpace(measure.Note) ? "" : $" – {measure.Note.Trim()}")}");
            }

            if (!string.IsNullOrWhiteSpace(followUp.Notes))
            {
                text.AppendLine($"Anteckningar: {followUp.Notes.Trim()}");
            }
        }

        text.AppendLine();
        if (s.ContactEpisodes.Count == 0)
        {
            text.AppendLine("Inga tillfällen då den dömde inte gått att nå har registrerats.");
        }

        foreach (var episode in s.ContactEpisodes.OrderBy(e => e.NotReachedFrom))
        {
            text.AppendLine(episode.ReachedOn is { } reached
                ? $"Den dömde gick inte att nå från {D(episode.NotReachedFrom)}; kontakten återupptogs {D(reached)}."
                : $"Den dömde har inte gått att nå sedan {D(episode.NotReachedFrom)}.");
        }

        foreach (var review in s.MisconductReviews.OrderBy(r => r.At))
        {
            text.AppendLine($"Misskötsamhet prövades {D(Day(review.At))}: {OutcomeText(review.Outcome)}. Skäl: {review.Reasons.Trim()}");
        }

        return text.ToString().Trim();
    }

    private static string ClientView(CourtStatementSources s) =>
        s.ContactEpisodes.OrderBy(e => e.NotReachedFrom).LastOrDefault() is { ReachedOn: null } open
            ? $"Den dömde har inte gått att nå sedan {D(open.NotReachedFrom)} och har därför inte kunnat informeras om yttrandets innehåll."
            : "";

    private static Plan? CurrentPlan(CourtStatementSources s) =>
        s.Plans.Where(p => p.Status == PlanStatus.Established).OrderByDescending(p => p.Version).FirstOrDefault();

    private static LocalDate Day(Instant at) => at.InZone(Stockholm.Zone).Date;

    private static string D(LocalDate? date) => PdfTextDocument.Date(date);

    private static string ReasonText(AssessmentReason reason) => reason switch
    {
        AssessmentReason.Initial => "första bedömningen",
        AssessmentReason.ProgrammeCompleted => "efter genomfört program",
        AssessmentReason.AfterMisconduct => "efter misskötsamhet",
        AssessmentReason.NeedsMet => "behov har tillgodosetts",
        AssessmentReason.FollowUp => "efter uppföljning",
        _ => reason.ToString(),
    };

    private static string FactorText(RiskFactor factor) => factor switch
    {
        RiskFactor.CriminalHistory => "Kriminell historik",
        RiskFactor.AttitudesTowardsCrime => "Attityder och värderingar kring brott",
        RiskFactor.FamilySituation => "Familjesituation",
        RiskFactor.Associates => "Umgänge",
        RiskFactor.EducationAndEmployment => "Utbildning och sysselsättning",
        RiskFactor.SubstanceMisuse => "Missbruk",
        _ => factor.ToString(),
    };

    private static string KindText(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Scheduled => "inom sex månader från övervakningens början",
        FollowUpKind.PrisonPlan => "av planen från anstalten",
        FollowUpKind.BeforeTransfer => "före överflyttning",
        FollowUpKind.AfterTransfer => "efter överflyttning",
        FollowUpKind.BeforeEnd => "före övervakningens slut",
        _ => "vid behov",
    };

    private static string DecisionText(FollowUpDecision decision) => decision switch
    {
        FollowUpDecision.PlanStands => "planen står fast.",
        FollowUpDecision.PlanChanges => "planen ändras (17 §).",
        FollowUpDecision.NewRiskAssessment => "en ny risk- och behovsbedömning behövs (13 §).",
        _ => decision.ToString(),
    };

    private static string StatusText(MeasureStatus status) => status switch
    {
        MeasureStatus.Genomförd => "genomförd",
        MeasureStatus.Pågår => "pågår",
        MeasureStatus.EjPåbörjad => "ej påbörjad",
        MeasureStatus.Avbruten => "avbruten",
        _ => status.ToString(),
    };

    private static string OutcomeText(MisconductOutcome outcome) => outcome switch
    {
        MisconductOutcome.NoAction => "ingen åtgärd",
        MisconductOutcome.Warning => "varning",
        MisconductOutcome.ReportToSupervisionBoard => "anmälan till övervakningsnämnden",
        MisconductOutcome.ReportToProsecutor => "anmälan till åklagare",
        _ => outcome.ToString(),
    };
}
