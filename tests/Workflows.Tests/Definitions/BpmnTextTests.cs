using System.Text;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Definitions;

public sealed class BpmnTextTests
{
    private const string Document = "<?xml version=\"1.0\" encoding=\"{0}\"?><bpmn:definitions xmlns:bpmn=\"x\" name=\"Övervakning\"/>";

    [Fact]
    public void Utf8_WithOrWithoutAByteOrderMark_IsRead()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Format(Document, "UTF-8"));

        Assert.True(BpmnText.TryDecode(bytes, out var plain, out _));
        Assert.True(BpmnText.TryDecode([0xEF, 0xBB, 0xBF, .. bytes], out var marked, out _));
        Assert.Equal(plain, marked);
        Assert.Contains("Övervakning", plain);
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    public void DocumentInTheEncodingItsDeclarationNames_IsReadAndRelabelledUtf8(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(encoding).GetBytes(string.Format(Document, encoding));

        Assert.True(BpmnText.TryDecode(bytes, out var text, out var error), error);

        Assert.Contains("Övervakning", text);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", text);
    }

    [Fact]
    public void Utf16WithAByteOrderMark_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(string.Format(Document, "UTF-16"))).ToArray();

        Assert.True(BpmnText.TryDecode(bytes, out var text, out _));

        Assert.Contains("Övervakning", text);
    }

    [Fact]
    public void BytesThatAreNotUtf8_OrAnUnknownEncoding_AreRefusedWithTheReason()
    {
        Assert.False(BpmnText.TryDecode([0x3C, 0xC3, 0x28, 0x3E], out _, out var invalid));
        Assert.False(BpmnText.TryDecode(Encoding.ASCII.GetBytes(string.Format(Document, "klingon")), out _, out var unknown));

        Assert.Contains("not valid utf-8", invalid);
        Assert.Contains("klingon", unknown);
    }
}
