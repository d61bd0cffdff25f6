using System.Text;
using System.Xml;
using System.Xml.Linq;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Support;

/// <summary>
/// Mutates BPMN the way broken, hostile or foreign files differ from good ones: elements deleted, duplicated, swapped,
/// moved, renamed or nested deep; attributes deleted or given odd, dangling or huge values; the text truncated or
/// sprinkled with random characters and bytes; a DOCTYPE with entities added. Deterministic for a given random seed.
/// </summary>
public static class BpmnMutator
{
    private static readonly XNamespace Bpmn = BpmnParser.BpmnNamespace;
    private static readonly XNamespace Vp = BpmnParser.ExtensionNamespace;

    private static readonly string[] ElementNames =
    [
        "startEvent", "endEvent", "task", "userTask", "serviceTask", "subProcess", "exclusiveGateway", "parallelGateway",
        "eventBasedGateway", "intermediateCatchEvent", "boundaryEvent", "sequenceFlow", "businessRuleTask", "complexGateway",
        "scriptTask", "callActivity", "timerEventDefinition", "messageEventDefinition", "signalEventDefinition",
        "terminateEventDefinition", "conditionExpression", "timeDuration", "timeCycle", "timeDate", "process", "message",
        "laneSet", "textAnnotation", "extensionElements", "multiInstanceLoopCharacteristics", "eventDefinitionRef", "noSuchElement",
    ];

    private static readonly XName[] AttributeNames =
    [
        "id", "name", "sourceRef", "targetRef", "attachedToRef", "default", "messageRef", "isExecutable", "triggeredByEvent",
        "cancelActivity", "isInterrupting", "instantiate", "language", "isForCompensation",
        Vp + "activityType", Vp + "deadlineRule", Vp + "anchor", Vp + "payload", Vp + "receivedOn",
    ];

    private static readonly string[] OddValues =
    [
        "", " ", "true", "false", "TRUE", "P1M", "-P1M", "PT15M", "P99999999999999Y", "R/P1D", "R3/PT1H", "R0/P1D",
        "2026-13-45", "2026-03-29T02:30:00", "=x", "=a = 1", "x ===", "caseId", "office", "tns:Message_1", "a b c", "x:y",
        "ManualTask", "SetVariable", "NoSuchActivity", "TestMonth", "e\u0301", "\U0001F600", "&lt;tag&gt;",
    ];

    private static readonly string[] Texts =
    [
        "P1M", "PT1S", "-P1D", "R/P1D", "2026-01-01", "x > 1", "x ===", "=a = 1", "while (true) {}", "", "   ",
        new string('(', 20_000) + "1" + new string(')', 20_000), "/^(a+)+$/.test('" + new string('a', 40) + "!')",
    ];

    private delegate string Mutation(string xml, Random random);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("delete element", OnTree(DeleteElement)), ("duplicate element", OnTree(DuplicateElement)),
        ("swap elements", OnTree(SwapElements)), ("move element", OnTree(MoveElement)),
        ("rename element", OnTree(RenameElement)), ("nest deep", OnTree(NestDeep)),
        ("delete attribute", OnTree(DeleteAttribute)), ("set attribute", OnTree(SetAttribute)),
        ("point attribute at another id", OnTree(PointAtAnotherId)), ("huge attribute", OnTree(HugeAttribute)),
        ("set text", OnTree(SetText)), ("truncate", Truncate), ("insert characters", InsertCharacters),
        ("insert bytes", InsertBytes), ("add doctype", AddDoctype),
    ];

    public static MutatedBpmn Mutate(string seedFile, string xml, int randomSeed, int count)
    {
        var random = new Random(randomSeed);
        var applied = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (name, apply) = Mutations[random.Next(Mutations.Length)];
            xml = apply(xml, random);
            applied.Add(name);
        }

        return new MutatedBpmn(seedFile, applied, xml);
    }

    /// <summary>A mutation of the element tree; on text that is no longer well-formed XML, a truncation instead.</summary>
    private static Mutation OnTree(Action<XDocument, Random> mutate) => (xml, random) =>
    {
        XDocument document;
        try
        {
            document = BpmnParser.Load(xml, int.MaxValue);
        }
        catch (XmlException)
        {
            return Truncate(xml, random);
        }

        if (document.Root is not null)
        {
            mutate(document, random);
        }

        return document.ToString(SaveOptions.DisableFormatting);
    };

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static List<XElement> Inner(XDocument document) => document.Root!.Descendants().ToList();

    private static void DeleteElement(XDocument document, Random random)
    {
        if (Inner(document) is { Count: > 0 } elements)
        {
            Pick(elements, random).Remove();
        }
    }

    private static void DuplicateElement(XDocument document, Random random)
    {
        if (Inner(document) is { Count: > 0 } elements)
        {
            var element = Pick(elements, random);
            element.AddAfterSelf(new XElement(element));
        }
    }

    private static void SwapElements(XDocument document, Random random)
    {
        var elements = Inner(document);
        if (elements.Count < 2)
        {
            return;
        }

        var (a, b) = (Pick(elements, random), Pick(elements, random));
        if (a == b || a.Ancestors().Contains(b) || b.Ancestors().Contains(a))
        {
            return;
        }

        var (copyOfA, copyOfB) = (new XElement(a), new XElement(b));
        a.ReplaceWith(copyOfB);
        b.ReplaceWith(copyOfA);
    }

    private static void MoveElement(XDocument document, Random random)
    {
        var elements = Inner(document);
        if (elements.Count < 2)
        {
            return;
        }

        var (moved, into) = (Pick(elements, random), Pick(elements, random));
        if (moved != into && !into.Ancestors().Contains(moved))
        {
            moved.Remove();
            into.Add(moved);
        }
    }

    private static void RenameElement(XDocument document, Random random)
    {
        if (Inner(document) is { Count: > 0 } elements)
        {
            Pick(elements, random).Name = Bpmn + Pick(ElementNames, random);
        }
    }

    private static void NestDeep(XDocument document, Random random)
    {
        if (Inner(document) is not { Count: > 0 } elements)
        {
            return;
        }

        var element = Pick(elements, random);
        var wrapper = new XElement(element);
        var depth = random.Next(10, 300);
        var asSubProcesses = random.Next(2) == 0;
        for (var i = 0; i < depth; i++)
        {
            wrapper = asSubProcesses
                ? new XElement(Bpmn + "subProcess", new XAttribute("id", $"Nest{i}"), new XElement(Bpmn + "startEvent", new XAttribute("id", $"NestStart{i}")), wrapper)
                : new XElement(Bpmn + "extensionElements", wrapper);
        }

        element.ReplaceWith(wrapper);
    }

    private static void DeleteAttribute(XDocument document, Random random)
    {
        var attributes = document.Root!.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
        if (attributes.Count > 0)
        {
            Pick(attributes, random).Remove();
        }
    }

    private static void SetAttribute(XDocument document, Random random)
    {
        var element = Pick(document.Root!.DescendantsAndSelf().ToList(), random);
        element.SetAttributeValue(Pick(AttributeNames, random), Pick(OddValues, random));
    }

    /// <summary>A reference to another element, of any kind or scope, or to one that does not exist.</summary>
    private static void PointAtAnotherId(XDocument document, Random random)
    {
        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().Append("Nowhere").ToList();
        var element = Pick(document.Root!.DescendantsAndSelf().ToList(), random);
        var attribute = Pick(new XName[] { "sourceRef", "targetRef", "attachedToRef", "default", "messageRef", "id" }, random);
        element.SetAttributeValue(attribute, Pick(ids, random));
    }

    private static void HugeAttribute(XDocument document, Random random)
    {
        var element = Pick(document.Root!.DescendantsAndSelf().ToList(), random);
        var value = random.Next(2) == 0 ? new string('x', random.Next(10_000, 1_500_000)) : string.Join(" ", Enumerable.Range(0, random.Next(1_000, 100_000)).Select(i => "v" + i));
        element.SetAttributeValue(Pick(AttributeNames, random), value);
    }

    private static void SetText(XDocument document, Random random)
    {
        var element = Pick(document.Root!.DescendantsAndSelf().ToList(), random);
        element.Value = Pick(Texts, random);
    }

    private static string Truncate(string xml, Random random) => xml[..random.Next(xml.Length + 1)];

    private static string InsertCharacters(string xml, Random random)
    {
        const string alphabet = "<>&\"'=/:;!?[]\0\u0001\t\n\r \uFFFE\uFFFF\uD800\uDC00äå€\U0001F600";
        var inserted = new StringBuilder();
        for (var i = random.Next(1, 20); i > 0; i--)
        {
            inserted.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return xml.Insert(random.Next(xml.Length + 1), inserted.ToString());
    }

    /// <summary>Random bytes in the UTF-8 text, read back as the Host reads an upload (or as UTF-8 with replacements when it would refuse them).</summary>
    private static string InsertBytes(string xml, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(xml).ToList();
        var inserted = new byte[random.Next(1, 16)];
        random.NextBytes(inserted);
        bytes.InsertRange(random.Next(bytes.Count + 1), inserted);
        var mutated = bytes.ToArray();
        return BpmnText.TryDecode(mutated, out var text, out _) ? text : Encoding.UTF8.GetString(mutated);
    }

    private static string AddDoctype(string xml, Random random)
    {
        var doctype = random.Next(3) switch
        {
            0 => """<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>""",
            1 => """<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>""",
            _ => """<!DOCTYPE definitions SYSTEM "http://example.invalid/bpmn.dtd">""",
        };
        var rootAt = xml.IndexOf("<bpmn:definitions", StringComparison.Ordinal) is var at and >= 0 ? at : xml.IndexOf("<definitions", StringComparison.Ordinal);
        var withDoctype = rootAt >= 0 ? xml.Insert(rootAt, doctype) : doctype + xml;
        var processAt = withDoctype.IndexOf("<bpmn:process", StringComparison.Ordinal);
        return processAt >= 0 ? withDoctype.Insert(processAt, "&xxe;&lol2;") : withDoctype;
    }
}
