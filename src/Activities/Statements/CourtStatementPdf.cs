using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Documents;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Statements;

/// <summary>A finalised statement to the court as a PDF on A4, with its sections in order and who finalised it when.</summary>
public static class CourtStatementPdf
{
    public static byte[] Render(Case @case, CourtStatement statement)
    {
        var sections = CourtStatementView.From(statement).Sections;
        using var pdf = new PdfTextDocument($"Yttrande i brottmål {statement.Number}");
        pdf.Title("Yttrande i brottmål");
        pdf.Paragraph($"Kriminalvården, frivården {@case.Office}");
        pdf.Strong($"Angående {@case.ClientName}, {Personnummer.FromStored(@case.Personnummer).Masked}");
        pdf.Paragraph($"Påföljd: {ClientCopy.SanctionName(@case.Sanction)}. Övervakning {PdfTextDocument.Date(@case.SupervisionStart)} – {PdfTextDocument.Date(@case.SupervisionEnd)}.");
        pdf.Paragraph($"Yttrande nummer {statement.Number} i ärendet.");
        foreach (var section in CourtStatementSections.All)
        {
            pdf.Heading(section.Heading);
            pdf.Paragraph(sections[section.Field]);
        }

        pdf.Space(12);
        var finalised = statement.FinalisedAt?.InZone(Stockholm.Zone).Date;
        pdf.Strong($"Slutfört {PdfTextDocument.Date(finalised)} av {statement.FinalisedBy}.");
        pdf.Small("Yttrandet grundar sig på dokumentationen i verkställighetsplanen (allmänna råd till 5 kap. 9 § förordningen (1998:642) om verkställighet av frivårdspåföljder).");
        return pdf.ToPdf();
    }
}
