using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Verkstallighet.Activities.Cases;

namespace Verkstallighet.Activities.Plans;

/// <summary>
/// The client's copy of an established verkställighetsplan (KVFS 2011:5 12 §) as a PDF on A4, with the personnummer
/// masked and the text extractable (fonts embedded with their Unicode mapping).
/// </summary>
public static class ClientCopyPdf
{
    public const string ContentType = "application/pdf";

    public static byte[] Render(Case @case, Plan plan)
    {
        DejaVuFontResolver.EnsureRegistered();
        var title = new XFont(DejaVuFontResolver.FamilyName, 18, XFontStyleEx.Bold);
        var heading = new XFont(DejaVuFontResolver.FamilyName, 13, XFontStyleEx.Bold);
        var bold = new XFont(DejaVuFontResolver.FamilyName, 10, XFontStyleEx.Bold);
        var body = new XFont(DejaVuFontResolver.FamilyName, 10, XFontStyleEx.Regular);
        var small = new XFont(DejaVuFontResolver.FamilyName, 8.5, XFontStyleEx.Regular);

        using var document = new PdfDocument();
        document.Info.Title = $"Verkställighetsplan version {plan.Version}";
        document.Info.Creator = "Verkställighet.Workflows";
        using (var writer = new PagedTextWriter(document))
        {
            writer.Paragraph("Verkställighetsplan", title, spaceAfter: 10);
            writer.Paragraph($"{@case.ClientName}, {Personnummer.FromStored(@case.Personnummer).Masked}", bold);
            writer.Paragraph($"Påföljd: {ClientCopy.SanctionName(@case.Sanction)}. Övervakning {D(@case.SupervisionStart)} – {D(@case.SupervisionEnd)}. Verksamhetsställe: {@case.Office}.", body);
            writer.Paragraph($"Planversion {plan.Version}. Klientens medverkan: {ClientCopy.Participation(plan)}", body);
            var established = plan.DecidedAt?.InZone(Workflows.Deadlines.DeadlineCalculator.Stockholm).Date;
            writer.Paragraph($"Fastställd {D(established)} av {plan.DecidedBy}.", body);

            writer.Space(8);
            writer.Paragraph("Åtgärder", heading, spaceAfter: 6);
            foreach (var measure in plan.Measures.OrderBy(m => m.DueDate))
            {
                // Keeps a measure's heading with at least its first lines on one page.
                writer.Space(4, keepTogether: 60);
                writer.Paragraph(measure.Description, bold, spaceAfter: 1);
                writer.Paragraph($"Område: {measure.Area}", body, spaceAfter: 1);
                writer.Paragraph($"Ansvarig: {ClientCopy.ResponsibleText(measure)}", body, spaceAfter: 1);
                writer.Paragraph($"Klar senast: {D(measure.DueDate)}", body, spaceAfter: 1);
                writer.Paragraph($"Uppföljning: {measure.FollowUpMethod}", body);
            }

            writer.Space(12);
            writer.Paragraph("Du har rätt att få en kopia av din verkställighetsplan (KVFS 2011:5 12 §). Detta är din kopia.", small);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string D(NodaTime.LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
}
