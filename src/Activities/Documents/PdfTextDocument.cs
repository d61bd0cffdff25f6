using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Verkstallighet.Activities.Documents;

/// <summary>
/// The product's printed documents (the client's copy of the plan, the statement to the court) as PDF on A4: a title,
/// headings and paragraphs in DejaVu Sans, wrapped and paged. The fonts are embedded with their Unicode mapping, so
/// the text stays extractable (searchable, and readable by a screen reader).
/// </summary>
public sealed class PdfTextDocument : IDisposable
{
    public const string ContentType = "application/pdf";

    private readonly PdfDocument document;
    private readonly PagedTextWriter writer;
    private readonly XFont title;
    private readonly XFont heading;
    private readonly XFont bold;
    private readonly XFont body;
    private readonly XFont small;

    public PdfTextDocument(string documentTitle)
    {
        DejaVuFontResolver.EnsureRegistered();
        title = new XFont(DejaVuFontResolver.FamilyName, 18, XFontStyleEx.Bold);
        heading = new XFont(DejaVuFontResolver.FamilyName, 13, XFontStyleEx.Bold);
        bold = new XFont(DejaVuFontResolver.FamilyName, 10, XFontStyleEx.Bold);
        body = new XFont(DejaVuFontResolver.FamilyName, 10, XFontStyleEx.Regular);
        small = new XFont(DejaVuFontResolver.FamilyName, 8.5, XFontStyleEx.Regular);
        document = new PdfDocument();
        document.Info.Title = documentTitle;
        document.Info.Creator = "Verkställighet.Workflows";
        writer = new PagedTextWriter(document);
    }

    public void Title(string text) => writer.Paragraph(text, title, spaceAfter: 10);

    /// <summary>A section heading, kept on the page with at least the first lines that follow it.</summary>
    public void Heading(string text)
    {
        writer.Space(8, keepTogether: 60);
        writer.Paragraph(text, heading, spaceAfter: 6);
    }

    public void Strong(string text, double spaceAfter = 4) => writer.Paragraph(text, bold, spaceAfter);

    /// <summary>Body text; each line break of <paramref name="text"/> starts a new line, and a blank line leaves space.</summary>
    public void Paragraph(string text, double spaceAfter = 4)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var last = i == lines.Length - 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                writer.Space(last ? spaceAfter : body.Size * 0.7);
                continue;
            }

            writer.Paragraph(lines[i], body, last ? spaceAfter : 1);
        }
    }

    public void Small(string text) => writer.Paragraph(text, small);

    /// <summary>Leaves vertical space, or moves to a new page when a block of <paramref name="keepTogether"/> points would not fit.</summary>
    public void Space(double points, double keepTogether = 0) => writer.Space(points, keepTogether);

    /// <summary>The document as PDF bytes; call once, after the last paragraph.</summary>
    public byte[] ToPdf()
    {
        writer.Dispose();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>A date as the documents print it (ISO), or a dash.</summary>
    public static string Date(NodaTime.LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    public void Dispose()
    {
        writer.Dispose();
        document.Dispose();
    }
}
