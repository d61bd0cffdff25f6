using System.Xml;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Passes an <see cref="XmlReader"/> through, but throws <see cref="ElementTooDeepException"/> at the first element
/// nested <paramref name="maxDepth"/> deep, and checks the <see cref="ParseBudget"/> at every node. Whoever reads
/// through it (a tree builder) never sees the deep element.
/// </summary>
internal sealed class DepthLimitedXmlReader(XmlReader inner, int maxDepth, ParseBudget budget) : XmlReader, IXmlLineInfo
{
    private readonly IXmlLineInfo? lineInfo = inner as IXmlLineInfo;

    public override bool Read()
    {
        budget.Check();
        if (!inner.Read())
        {
            return false;
        }

        if (inner.NodeType == XmlNodeType.Element && inner.Depth >= maxDepth)
        {
            throw new ElementTooDeepException(new ValidationProblem(null,
                $"Elements are nested more than {maxDepth} deep, the limit: <{inner.Name}> at line {LineNumber}, position {LinePosition} is {inner.Depth + 1} deep."));
        }

        return true;
    }

    public bool HasLineInfo() => lineInfo?.HasLineInfo() == true;

    public int LineNumber => lineInfo?.LineNumber ?? 0;

    public int LinePosition => lineInfo?.LinePosition ?? 0;

    public override XmlNodeType NodeType => inner.NodeType;

    public override string LocalName => inner.LocalName;

    public override string Name => inner.Name;

    public override string NamespaceURI => inner.NamespaceURI;

    public override string Prefix => inner.Prefix;

    public override string Value => inner.Value;

    public override int Depth => inner.Depth;

    public override string BaseURI => inner.BaseURI;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override int AttributeCount => inner.AttributeCount;

    public override bool EOF => inner.EOF;

    public override ReadState ReadState => inner.ReadState;

    public override XmlNameTable NameTable => inner.NameTable;

    public override XmlReaderSettings? Settings => inner.Settings;

    public override bool CanResolveEntity => inner.CanResolveEntity;

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
