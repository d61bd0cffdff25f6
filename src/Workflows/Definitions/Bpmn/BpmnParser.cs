using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Reads BPMN 2.0 XML safely (no DTD, no external entities, bounded size and depth) and validates it against the
/// supported subset, reporting every problem with the element it concerns. The work is done in three steps:
/// <see cref="DefinitionReader"/> reads the elements, <see cref="FlowLinker"/> links flows by id, and
/// <see cref="ModelValidator"/> checks the linked model.
/// </summary>
public static class BpmnParser
{
    public const string BpmnNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public const string ExtensionNamespace = "urn:verkstallighet:bpmn:1";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The largest document accepted, in bytes of UTF-8.</summary>
    public const int DefaultMaxBytes = 2 * 1024 * 1024;

    /// <summary>How deeply sub-processes may nest; deeper documents are refused rather than read recursively.</summary>
    public const int MaxNesting = 32;

    /// <summary>
    /// How deeply any elements may nest. Checked while reading, before a deeper element is added to the tree: building
    /// a deep tree costs time that grows with the square of its depth (150,000 levels took minutes).
    /// </summary>
    public const int MaxElementDepth = 128;

    /// <summary>
    /// Parses and validates a document. <paramref name="budget"/> stops it when cancelled
    /// (<see cref="OperationCanceledException"/>) or out of time (<see cref="ParseBudgetExceededException"/>); every
    /// other flaw of the document is a problem in the result.
    /// </summary>
    public static ParsedDefinition Parse(string xml, IDefinitionEnvironment environment, ParseBudget budget = default, int maxBytes = DefaultMaxBytes)
    {
        var size = Encoding.UTF8.GetByteCount(xml);
        if (size > maxBytes)
        {
            return Failed(new ValidationProblem(null, $"The document is {size} bytes; the limit is {maxBytes} bytes."));
        }

        XDocument document;
        try
        {
            // One pass: the depth is checked as the tree is built, so a deep document is refused before it is built.
            using var reader = new DepthLimitedXmlReader(XmlReader.Create(new StringReader(xml), ReaderSettings(maxBytes)), MaxElementDepth, budget);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (ElementTooDeepException e)
        {
            return Failed(e.Problem);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return Failed(new ValidationProblem(null, "The document contains a DTD (DOCTYPE); DTDs and entity declarations are not allowed."));
        }
        catch (XmlException e)
        {
            return Failed(new ValidationProblem(null, $"The document is not well-formed XML: {e.Message}"));
        }

        return new DefinitionReader(document, environment, budget).Read();
    }

    /// <summary>
    /// Loads XML with DTDs prohibited, no resolver, and bounded character counts, but no bound on depth: callers with
    /// untrusted input use <see cref="Parse"/>, or check <see cref="TooDeep"/> first.
    /// </summary>
    public static XDocument Load(string xml, int maxBytes = DefaultMaxBytes)
    {
        using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings(maxBytes));
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    /// <summary>
    /// Streams through the document (no tree is built) and returns a problem at the first element nested deeper than
    /// <see cref="MaxElementDepth"/>, with its line and position. Malformed XML and DTDs throw <see cref="XmlException"/>.
    /// </summary>
    public static ValidationProblem? TooDeep(string xml, int maxBytes = DefaultMaxBytes, ParseBudget budget = default)
    {
        using var reader = new DepthLimitedXmlReader(XmlReader.Create(new StringReader(xml), ReaderSettings(maxBytes)), MaxElementDepth, budget);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (ElementTooDeepException e)
        {
            return e.Problem;
        }
    }

    private static XmlReaderSettings ReaderSettings(int maxBytes) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreProcessingInstructions = true,
    };

    private static ParsedDefinition Failed(ValidationProblem problem) => new(null, null, null, [problem]);
}
