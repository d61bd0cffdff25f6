using System.Xml.Linq;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>The names the parser knows: its namespaces, which elements it ignores or refuses, and the shape of ids and variable names.</summary>
internal static class BpmnVocabulary
{
    public static readonly XNamespace Bpmn = BpmnParser.BpmnNamespace;
    public static readonly XNamespace Vp = BpmnParser.ExtensionNamespace;

    /// <summary>Camunda 7's and Zeebe's (Camunda 8's) extensions: read only where they map onto ours.</summary>
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";

    /// <summary>Flow elements that are kept and round-tripped but play no part in execution.</summary>
    public static readonly HashSet<string> IgnoredFlowElements =
    [
        "laneSet", "textAnnotation", "association", "group", "dataObject", "dataObjectReference", "dataStoreReference",
        "documentation", "extensionElements", "property", "ioSpecification", "auditing", "monitoring", "category",
        // A sub-process's own references and loop markers (the latter are reported by the scope reader's child check).
        "incoming", "outgoing", "dataInputAssociation", "dataOutputAssociation", "standardLoopCharacteristics", "multiInstanceLoopCharacteristics",
    ];

    /// <summary>Flow elements of BPMN that the engine does not run, with what to use instead.</summary>
    public static readonly Dictionary<string, string> UnsupportedFlowElements = new()
    {
        ["intermediateThrowEvent"] = "Intermediate throw events are not supported.",
        ["inclusiveGateway"] = "Inclusive gateways are not supported; use parallel and exclusive gateways.",
        ["complexGateway"] = "Complex gateways are not supported.",
        ["scriptTask"] = "Script tasks are not supported; use a service task with an activity type.",
        ["sendTask"] = "Send tasks are not supported.",
        ["receiveTask"] = "Receive tasks are not supported; use an intermediate message catch event.",
        ["manualTask"] = "Manual tasks are not supported; use a task or a user task.",
        ["businessRuleTask"] = "Business rule tasks are not supported.",
        ["callActivity"] = "Call activities are not supported; use an embedded sub-process.",
        ["transaction"] = "Transaction sub-processes are not supported.",
        ["adHocSubProcess"] = "Ad-hoc sub-processes are not supported.",
        ["implicitThrowEvent"] = "Implicit throw events are not supported.",
    };

    /// <summary>A definition key: what the process id becomes, and what URLs and the database carry.</summary>
    public static bool IsValidKey(string key) =>
        key.Length <= 100 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static bool IsVariableName(string name) =>
        name.Length is > 0 and <= 100 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    public static bool IsJavaScript(string language) =>
        language.Trim().ToLowerInvariant() is "javascript" or "js" or "ecmascript" or "text/javascript" or "application/javascript";

    public const string FeelOrJuelCondition = "FEEL/JUEL is not supported; write the condition in JavaScript.";

    /// <summary>
    /// An expression in Zeebe's FEEL (<c>=…</c>) or Camunda's JUEL (<c>${…}</c>, <c>#{…}</c>). Neither is JavaScript,
    /// and reading what is inside the wrapper as JavaScript gives another meaning to what looks the same (FEEL's
    /// <c>=</c> is a comparison, JavaScript's an assignment; <c>and</c>, <c>or</c>, <c>not()</c> do not exist there).
    /// </summary>
    public static bool IsFeelOrJuel(string expression)
    {
        var text = expression.TrimStart();
        return text.StartsWith('=') || text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal);
    }

    /// <summary>A condition language that names FEEL or JUEL (Camunda's URIs among them).</summary>
    public static bool IsFeelOrJuelLanguage(string language)
    {
        var name = language.Trim().ToLowerInvariant();
        return name is "feel" or "juel" or "http://www.omg.org/spec/feel/20140401" || name.Contains("/feel", StringComparison.Ordinal);
    }

    /// <summary>A reference without its namespace prefix (<c>tns:Message_1</c> names <c>Message_1</c>).</summary>
    public static string LocalId(string reference)
    {
        var colon = reference.IndexOf(':');
        return colon >= 0 ? reference[(colon + 1)..] : reference;
    }

    /// <summary>A boolean attribute as BPMN writes it: only "true" (in any case) is true.</summary>
    public static bool IsTrue(XElement element, string attribute) =>
        string.Equals((string?)element.Attribute(attribute), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A boolean attribute that is true unless it says "false" (isInterrupting, cancelActivity).</summary>
    public static bool IsNotFalse(XElement element, string attribute) =>
        !string.Equals((string?)element.Attribute(attribute), "false", StringComparison.OrdinalIgnoreCase);
}
