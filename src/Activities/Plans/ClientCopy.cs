using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Verkstallighet.Activities.Cases;

namespace Verkstallighet.Activities.Plans;

/// <summary>The client's copy of an established verkställighetsplan (KVFS 2011:5 12 §): a printable document.</summary>
public static class ClientCopy
{
    // Keeps å, ä and ö readable in the source of the document; markup characters are still escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(Case @case, Plan plan)
    {
        static string E(string? text) => Html.Encode(text ?? "");
        static string D(NodaTime.LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Verkställighetsplan</title>");
        html.Append("<style>body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse;width:100%}");
        html.Append("th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}@media print{body{margin:0}}</style></head><body>");
        html.Append("<h1>Verkställighetsplan</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p><strong>{E(@case.ClientName)}</strong>, {E(Personnummer.FromStored(@case.Personnummer).Masked)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Påföljd: {E(SanctionName(@case.Sanction))}. Övervakning {D(@case.SupervisionStart)} – {D(@case.SupervisionEnd)}. Verksamhetsställe: {E(@case.Office)}.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Planversion {plan.Version}. Klientens medverkan: {E(Participation(plan))}</p>");
        html.Append("<h2>Åtgärder</h2><table><thead><tr><th>Åtgärd</th><th>Område</th><th>Ansvarig</th><th>Klar senast</th><th>Uppföljning</th></tr></thead><tbody>");
        foreach (var measure in plan.Measures.OrderBy(m => m.DueDate))
        {
            var responsible = ResponsibleText(measure);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(measure.Description)}</td><td>{E(measure.Area.ToString())}</td><td>{E(responsible)}</td><td>{D(measure.DueDate)}</td><td>{E(measure.FollowUpMethod)}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Established(plan))}</p>");
        html.Append("<p><small>Du har rätt att få en kopia av din verkställighetsplan (KVFS 2011:5 12 §).</small></p></body></html>");
        return html.ToString();
    }

    /// <summary>When, by whom and at which kollegium the plan was established (12 §), as one sentence.</summary>
    public static string Established(Plan plan)
    {
        static string D(NodaTime.LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
        var on = plan.DecidedAt?.InZone(Workflows.Time.Stockholm.Zone).Date;
        var kollegium = plan.KollegiumDate is { } day ? $" vid kollegium {D(day)}" : "";
        return $"Fastställd {D(on)} av {plan.DecidedBy}{kollegium}.";
    }

    public static string SanctionName(Sanction sanction) => sanction switch
    {
        Sanction.Skyddstillsyn => "Skyddstillsyn",
        Sanction.VillkorligDom => "Villkorlig dom med samhällstjänst",
        Sanction.VillkorligFrigivning => "Villkorlig frigivning",
        _ => sanction.ToString(),
    };

    public static string Participation(Plan plan) => plan.ClientParticipation switch
    {
        ClientParticipation.Yes => "ja",
        ClientParticipation.No => "nej" + (plan.ParticipationReason is null ? "" : $" ({plan.ParticipationReason})"),
        _ => "kunde inte" + (plan.ParticipationReason is null ? "" : $" ({plan.ParticipationReason})"),
    };

    public static string? ResponsibleText(Measure measure) =>
        measure.Responsible == ResponsibleParty.AnnanMyndighet ? measure.OtherAuthority : ResponsibleName(measure.Responsible);

    private static string ResponsibleName(ResponsibleParty party) => party switch
    {
        ResponsibleParty.Klienten => "Klienten",
        ResponsibleParty.Frivården => "Frivården",
        ResponsibleParty.Socialtjänsten => "Socialtjänsten",
        ResponsibleParty.HälsoOchSjukvården => "Hälso- och sjukvården",
        ResponsibleParty.Arbetsförmedlingen => "Arbetsförmedlingen",
        ResponsibleParty.Försäkringskassan => "Försäkringskassan",
        _ => party.ToString(),
    };
}
