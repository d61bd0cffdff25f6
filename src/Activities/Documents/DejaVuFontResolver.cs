using PdfSharp.Fonts;

namespace Verkstallighet.Activities.Documents;

/// <summary>
/// Gives PDFsharp DejaVu Sans (regular and bold) from the machine's font folders: PDFsharp finds no fonts by itself on
/// Linux, and no font files are shipped with the product.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly string[] SystemFontFolders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
        "/usr/share/fonts",
    ];

    private readonly IReadOnlyList<string> fontFolders;

    public DejaVuFontResolver()
        : this(SystemFontFolders)
    {
    }

    /// <summary>A resolver that looks only in these folders (tests use it to show the missing-font message).</summary>
    internal DejaVuFontResolver(IReadOnlyList<string> fontFolders) => this.fontFolders = fontFolders;

    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        return true;
    });

    /// <summary>Makes this the resolver of the process; PDFsharp allows one, set before the first document.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic)
            : null;

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Find(faceName + ".ttf"));

    private string Find(string fileName)
    {
        foreach (var folder in fontFolders.Where(Directory.Exists))
        {
            var direct = Path.Combine(folder, fileName);
            if (File.Exists(direct))
            {
                return direct;
            }

            var nested = Directory.EnumerateFiles(folder, fileName, SearchOption.AllDirectories).FirstOrDefault();
            if (nested is not null)
            {
                return nested;
            }
        }

        throw new FontsMissingException(
            $"The font {fileName} (DejaVu Sans) was not found in {string.Join(", ", fontFolders)}; PDF documents (the client's copy, the statement to the court) need it. " +
            "On Debian install the package fonts-dejavu-core.");
    }
}
