using Verkstallighet.Activities.Documents;

namespace Verkstallighet.Activities.Tests.Documents;

public sealed class DejaVuFontResolverTests
{
    [Fact]
    public void ResolvesDejaVuSans_RegularAndBold_AndNoOtherFamily()
    {
        var resolver = new DejaVuFontResolver();

        Assert.Equal("DejaVuSans", resolver.ResolveTypeface("DejaVu Sans", isBold: false, isItalic: false)!.FaceName);
        Assert.Equal("DejaVuSans-Bold", resolver.ResolveTypeface("DejaVu Sans", isBold: true, isItalic: false)!.FaceName);
        Assert.Null(resolver.ResolveTypeface("Arial", isBold: false, isItalic: false));
    }

    [Fact]
    public void GetFont_ReadsTheSystemsTrueTypeFile()
    {
        var font = new DejaVuFontResolver().GetFont("DejaVuSans-Bold")!;

        // A TrueType file begins with the sfnt version 0x00010000.
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, font[..4]);
    }

    [Fact]
    public void GetFont_WhenNoFolderHasTheFont_NamesTheDebianPackage()
    {
        var empty = Directory.CreateTempSubdirectory("no-fonts-").FullName;
        try
        {
            var error = Assert.Throws<FontsMissingException>(() => new DejaVuFontResolver([empty]).GetFont("DejaVuSans"));

            Assert.Contains("fonts-dejavu-core", error.Message);
            Assert.Contains(empty, error.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
