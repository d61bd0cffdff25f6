using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Documents;

namespace Verkstallighet.Activities.Plans;

/// <summary>
/// The client's copy of an established verkställighetsplan (KVFS 2011:5 12 §) as a PDF on A4, with the personnummer
/// masked and the text extractable.
/// </summary>
public static class ClientCopyPdf
{
    public const string ContentType = PdfTextDocument.ContentType;

    public static byte[] Render(Case @case, Plan plan)
    {
        static string D(NodaTime.LocalDate? date) => PdfTextDocument.Date(date);

        using var pdf = new PdfTextDocument($"Verkställighetsplan version {plan.Version}");
        pdf.Title("Verkställighetsplan");
        pdf.Strong($"{@case.ClientName}, {Personnummer.FromStored(@case.Personnummer).Masked}");
        pdf.Paragraph($"Påföljd: {ClientCopy.SanctionName(@case.Sanction)}. Övervakning {D(@case.SupervisionStart)} – {D(@case.SupervisionEnd)}. Verksamhetsställe: {@case.Office}.");
        pdf.Paragraph($"Planversion {plan.Version}. Klientens medverkan: {ClientCopy.Participation(plan)}");
        pdf.Paragraph(ClientCopy.Established(plan));

        pdf.Heading("Åtgärder");
        foreach (var measure in plan.Measures.OrderBy(m => m.DueDate))
        {
            // Keeps a measure's heading with at least its first lines on one page.
            pdf.Space(4, keepTogether: 60);
            pdf.Strong(measure.Description, spaceAfter: 1);
            pdf.Paragraph($"Område: {measure.Area}", spaceAfter: 1);
            pdf.Paragraph($"Ansvarig: {ClientCopy.ResponsibleText(measure)}", spaceAfter: 1);
            pdf.Paragraph($"Klar senast: {D(measure.DueDate)}", spaceAfter: 1);
            pdf.Paragraph($"Uppföljning: {measure.FollowUpMethod}");
        }

        pdf.Space(12);
        pdf.Small("Du har rätt att få en kopia av din verkställighetsplan (KVFS 2011:5 12 §). Detta är din kopia.");
        return pdf.ToPdf();
    }
}
