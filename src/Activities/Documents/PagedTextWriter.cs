using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Verkstallighet.Activities.Documents;

/// <summary>
/// Writes paragraphs top-down on A4 pages of a PDF document: wraps them at the margins and starts a new page when
/// the next line does not fit, so a document of any length is laid out whole.
/// </summary>
internal sealed class PagedTextWriter : IDisposable
{
    private const double Margin = 56; // points, about 2 cm
    private readonly PdfDocument document;
    private PdfPage? page;
    private XGraphics? graphics;
    private double y;

    public PagedTextWriter(PdfDocument document) => this.document = document;

    private double Width => page!.Width.Point - 2 * Margin;

    private double Bottom => page!.Height.Point - Margin;

    /// <summary>Writes a paragraph, wrapped at word boundaries (or inside a word longer than a line).</summary>
    public void Paragraph(string text, XFont font, double spaceAfter = 4)
    {
        EnsurePage();
        var lineHeight = font.Size * 1.35;
        foreach (var line in Wrap(text, font))
        {
            if (y + lineHeight > Bottom)
            {
                NewPage();
            }

            y += lineHeight;
            graphics!.DrawString(line, font, XBrushes.Black, Margin, y - font.Size * 0.3);
        }

        y += spaceAfter;
    }

    /// <summary>Leaves vertical space, or moves to a new page when a block of <paramref name="keepTogether"/> points would not fit.</summary>
    public void Space(double points, double keepTogether = 0)
    {
        EnsurePage();
        y += points;
        if (y + keepTogether > Bottom)
        {
            NewPage();
        }
    }

    private IEnumerable<string> Wrap(string text, XFont font)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Fits(candidate, font))
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                yield return line;
            }

            line = word;
            while (!Fits(line, font))
            {
                var take = line.Length - 1;
                while (take > 1 && !Fits(line[..take], font))
                {
                    take--;
                }

                yield return line[..take];
                line = line[take..];
            }
        }

        yield return line;
    }

    private bool Fits(string text, XFont font) => graphics!.MeasureString(text, font).Width <= Width;

    private void EnsurePage()
    {
        if (page is null)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    public void Dispose()
    {
        graphics?.Dispose();
        graphics = null;
    }
}
