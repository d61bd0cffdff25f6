using System.Text;
using System.Text.RegularExpressions;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Turns the bytes of a BPMN file into text the way an XML reader would: a byte-order mark, else UTF-8, else the
/// encoding its XML declaration names (older tools write ISO-8859-1 or windows-1252). The declaration is then made to
/// say UTF-8, since the text is stored and served as UTF-8.
/// </summary>
public static partial class BpmnText
{
    static BpmnText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string? error)
    {
        text = "";
        error = null;
        Encoding encoding;
        var skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (encoding, skip) = (StrictUtf8, 3);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }
        else if (Declared(bytes) is { } name && !name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                error = $"The document declares the encoding '{name}', which is not supported; use UTF-8.";
                return false;
            }
        }
        else
        {
            encoding = StrictUtf8;
        }

        try
        {
            text = encoding.GetString(bytes[skip..]);
        }
        catch (DecoderFallbackException)
        {
            error = $"The document is not valid {encoding.WebName}.";
            return false;
        }

        text = DeclaredEncoding().Replace(text, "${1}UTF-8${3}", 1);
        return true;
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding named in the XML declaration, read as ASCII.</summary>
    private static string? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        var match = DeclaredEncoding().Match(head);
        return match.Success && head.TrimStart().StartsWith("<?xml", StringComparison.Ordinal) ? match.Groups[2].Value : null;
    }

    [GeneratedRegex("""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._-]+)(["'])""")]
    private static partial Regex DeclaredEncoding();
}
