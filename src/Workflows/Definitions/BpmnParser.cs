using System.Text;
using System.Xml;
using System.Xml.Linq;
using NodaTime;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>What validation checks activity types and deadline rules against.</summary>
public interface IDefinitionEnvironment
{
    bool TryGetActivity(string type, out ActivityDescriptor descriptor);

    bool DeadlineRuleExists(string key);

    /// <summary>
    /// Routing and identity variables (the office, a case id) that only the code owning them sets: a message may never
    /// declare them in <c>vp:payload</c>.
    /// </summary>
    bool IsProtectedVariable(string name);
}

/// <summary>The outcome of parsing: the model when the document is valid, and every problem found otherwise.</summary>
public sealed record ParsedDefinition(string? Key, string? Name, ProcessModel? Model, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Model is not null && Problems.Count == 0;
}

/// <summary>
/// Reads BPMN 2.0 XML safely (no DTD, no external entities, bounded size) and validates it against the supported
/// subset, reporting every problem with the element it concerns.
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
    /// How deeply any elements may nest. Checked while reading, before a document is built: building a deep tree costs
    /// time that grows with the square of its depth (150,000 levels took minutes).
    /// </summary>
    public const int MaxElementDepth = 128;

    private static readonly XNamespace Bpmn = BpmnNamespace;
    private static readonly XNamespace Vp = ExtensionNamespace;

    /// <summary>Flow elements that are kept and round-tripped but play no part in execution.</summary>
    private static readonly HashSet<string> IgnoredFlowElements =
    [
        "laneSet", "textAnnotation", "association", "group", "dataObject", "dataObjectReference", "dataStoreReference",
        "documentation", "extensionElements", "property", "ioSpecification", "auditing", "monitoring", "category",
        // A sub-process's own references and loop markers (the latter are reported by CheckChildren).
        "incoming", "outgoing", "dataInputAssociation", "dataOutputAssociation", "standardLoopCharacteristics", "multiInstanceLoopCharacteristics",
    ];

    /// <summary>Children of a task or event that carry data or references only.</summary>
    private static readonly HashSet<string> IgnoredChildren =
    [
        "incoming", "outgoing", "documentation", "extensionElements", "ioSpecification", "property", "dataInputAssociation",
        "dataOutputAssociation", "dataInput", "dataOutput", "inputSet", "outputSet", "resourceRole", "performer",
        "humanPerformer", "potentialOwner", "rendering", "auditing", "monitoring",
    ];

    private static readonly Dictionary<string, string> UnsupportedFlowElements = new()
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

    /// <summary>
    /// Parses and validates a document. <paramref name="budget"/> stops it when cancelled
    /// (<see cref="OperationCanceledException"/>) or out of time (<see cref="ParseBudgetExceededException"/>).
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
            if (TooDeep(xml, maxBytes, budget) is { } tooDeep)
            {
                return Failed(tooDeep);
            }

            budget.Check();
            document = Load(xml, maxBytes);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return Failed(new ValidationProblem(null, "The document contains a DTD (DOCTYPE); DTDs and entity declarations are not allowed."));
        }
        catch (XmlException e)
        {
            return Failed(new ValidationProblem(null, $"The document is not well-formed XML: {e.Message}"));
        }

        return new Reader(document, environment, budget).Read();
    }

    /// <summary>
    /// Loads XML with DTDs prohibited, no resolver, and bounded character counts. Callers with untrusted input check
    /// <see cref="TooDeep"/> first.
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
        using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings(maxBytes));
        while (reader.Read())
        {
            budget.Check();
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxElementDepth)
            {
                var at = (IXmlLineInfo)reader;
                return new ValidationProblem(null,
                    $"Elements are nested more than {MaxElementDepth} deep, the limit: <{reader.Name}> at line {at.LineNumber}, position {at.LinePosition} is {reader.Depth + 1} deep.");
            }
        }

        return null;
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

    private sealed class Reader(XDocument document, IDefinitionEnvironment environment, ParseBudget budget)
    {
        private readonly List<ValidationProblem> problems = [];
        private readonly Dictionary<string, FlowNode> nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> messageNames = new(StringComparer.Ordinal);
        private readonly List<(BoundaryEventNode Node, string? AttachedTo)> boundaries = [];
        private readonly List<(string ElementId, List<string> Declared)> payloadDeclarations = [];
        private int depth;

        public ParsedDefinition Read()
        {
            var root = document.Root!;
            if (root.Name != Bpmn + "definitions")
            {
                Problem(null, $"The root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'; a BPMN 2.0 document starts with <definitions> in '{BpmnNamespace}'.");
                return Result(null, null);
            }

            CheckDuplicateIds(root);
            foreach (var message in root.Elements(Bpmn + "message"))
            {
                var id = (string?)message.Attribute("id");
                if (id is not null)
                {
                    var name = (string?)message.Attribute("name");
                    messageNames[id] = string.IsNullOrWhiteSpace(name) ? id : name.Trim();
                }
            }

            var process = SelectProcess(root);
            if (process is null)
            {
                return Result(null, null);
            }

            var key = (string?)process.Attribute("id");
            var processName = (string?)process.Attribute("name");
            if (string.IsNullOrWhiteSpace(key))
            {
                Problem(null, "The executable process has no id; the id is the definition key.");
                return Result(null, processName);
            }

            if (!IsValidKey(key))
            {
                Problem(key, "The process id may contain only letters, digits, '-', '_' and '.', and at most 100 characters.");
            }

            var scope = ReadScope(process, key, owner: null);
            ResolveBoundaries();
            CheckProcessStart(scope, key);
            var model = new ProcessModel(key, processName, scope, nodes);
            CheckPayloadsAgainstAnchors(model);
            return Result(model, processName, key);
        }

        private ParsedDefinition Result(ProcessModel? model, string? name, string? key = null) =>
            problems.Count == 0 ? new ParsedDefinition(key, name, model, []) : new ParsedDefinition(key, name, null, problems);

        private void Problem(string? elementId, string message) => problems.Add(new ValidationProblem(elementId, message));

        private static bool IsValidKey(string key) =>
            key.Length <= 100 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

        private void CheckDuplicateIds(XElement root)
        {
            foreach (var group in root.Descendants()
                         .Where(e =>
                         {
                             budget.Check();
                             return e.Name.Namespace == Bpmn;
                         })
                         .Select(e => (string?)e.Attribute("id"))
                         .Where(id => !string.IsNullOrEmpty(id))
                         .GroupBy(id => id!)
                         .Where(g => g.Count() > 1))
            {
                Problem(group.Key, $"The id '{group.Key}' is used by {group.Count()} elements; ids must be unique.");
            }
        }

        private XElement? SelectProcess(XElement root)
        {
            var processes = root.Elements(Bpmn + "process").ToList();
            if (processes.Count == 0)
            {
                Problem(null, "The document has no <process>.");
                return null;
            }

            var executable = processes.Where(p => string.Equals((string?)p.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase)).ToList();
            if (executable.Count == 1)
            {
                return executable[0];
            }

            if (executable.Count == 0 && processes.Count == 1)
            {
                return processes[0];
            }

            var ids = string.Join(", ", (executable.Count > 1 ? executable : processes).Select(p => (string?)p.Attribute("id") ?? "?"));
            Problem(null, executable.Count > 1
                ? $"Several processes are marked isExecutable=\"true\" ({ids}); exactly one may be."
                : $"The document has several processes ({ids}) and none is marked isExecutable=\"true\"; mark the one to run.");
            return null;
        }

        private ScopeModel ReadScope(XElement container, string scopeId, SubProcessNode? owner)
        {
            var scope = new ScopeModel(scopeId, owner);
            var flows = new List<XElement>();
            // Each flow looks up its source's default flow here, instead of scanning its siblings (quadratic).
            var elementsById = new Dictionary<string, XElement>(StringComparer.Ordinal);
            foreach (var element in container.Elements())
            {
                budget.Check();
                if ((string?)element.Attribute("id") is { } elementId)
                {
                    elementsById.TryAdd(elementId, element);
                }

                if (element.Name.Namespace != Bpmn)
                {
                    continue; // other tools' extensions are kept and ignored
                }

                var local = element.Name.LocalName;
                var id = (string?)element.Attribute("id");
                if (local == "sequenceFlow")
                {
                    flows.Add(element);
                    continue;
                }

                if (IgnoredFlowElements.Contains(local))
                {
                    continue;
                }

                if (UnsupportedFlowElements.TryGetValue(local, out var reason))
                {
                    Problem(id, reason);
                    continue;
                }

                if (string.IsNullOrWhiteSpace(id))
                {
                    Problem(null, $"A <{local}> in '{scopeId}' has no id.");
                    continue;
                }

                var node = ReadNode(element, local, id, scope);
                if (node is not null)
                {
                    scope.Nodes.Add(node);
                    nodes.TryAdd(id, node);
                }
            }

            foreach (var flow in flows)
            {
                budget.Check();
                ReadFlow(flow, scope, elementsById);
            }

            foreach (var node in scope.Nodes)
            {
                budget.Check();
                CheckNode(node);
            }

            return scope;
        }

        private FlowNode? ReadNode(XElement element, string local, string id, ScopeModel scope)
        {
            var name = (string?)element.Attribute("name");
            CheckChildren(element, id);
            switch (local)
            {
                case "startEvent":
                    return new StartEventNode(id, name, scope, ReadTrigger(element, id, allowTerminate: false),
                        !string.Equals((string?)element.Attribute("isInterrupting"), "false", StringComparison.OrdinalIgnoreCase));
                case "endEvent":
                    var terminate = element.Elements(Bpmn + "terminateEventDefinition").Any();
                    var endTrigger = ReadTrigger(element, id, allowTerminate: true);
                    if (endTrigger is not null)
                    {
                        Problem(id, "End events may be none or terminate end events only.");
                    }

                    return new EndEventNode(id, name, scope, terminate);
                case "intermediateCatchEvent":
                    var catchTrigger = ReadTrigger(element, id, allowTerminate: false);
                    if (catchTrigger is null)
                    {
                        Problem(id, "An intermediate catch event needs a timer or message event definition.");
                        return null;
                    }

                    return new IntermediateCatchEventNode(id, name, scope, catchTrigger);
                case "boundaryEvent":
                    var boundaryTrigger = ReadTrigger(element, id, allowTerminate: false);
                    if (boundaryTrigger is null)
                    {
                        Problem(id, "A boundary event needs a timer or message event definition.");
                        return null;
                    }

                    var cancel = !string.Equals((string?)element.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);
                    var boundary = new BoundaryEventNode(id, name, scope, boundaryTrigger, cancel);
                    boundaries.Add((boundary, (string?)element.Attribute("attachedToRef")));
                    return boundary;
                case "task":
                case "userTask":
                case "serviceTask":
                    return ReadTask(element, local, id, name, scope);
                case "exclusiveGateway":
                    return new GatewayNode(id, name, scope, GatewayKind.Exclusive);
                case "parallelGateway":
                    return new GatewayNode(id, name, scope, GatewayKind.Parallel);
                case "eventBasedGateway":
                    if (string.Equals((string?)element.Attribute("instantiate"), "true", StringComparison.OrdinalIgnoreCase))
                    {
                        Problem(id, "Instantiating event-based gateways are not supported; use message or timer start events.");
                    }

                    return new GatewayNode(id, name, scope, GatewayKind.EventBased);
                case "subProcess":
                    return ReadSubProcess(element, id, name, scope);
                default:
                    Problem(id, $"<{local}> is not part of the supported BPMN subset.");
                    return null;
            }
        }

        private void CheckChildren(XElement element, string id)
        {
            foreach (var child in element.Elements().Where(e => e.Name.Namespace == Bpmn))
            {
                var local = child.Name.LocalName;
                if (local is "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics")
                {
                    Problem(id, "Loops and multi-instance activities are not supported.");
                }
            }

            if (string.Equals((string?)element.Attribute("isForCompensation"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Problem(id, "Compensation is not supported.");
            }
        }

        private TaskNode? ReadTask(XElement element, string local, string id, string? name, ScopeModel scope)
        {
            var kind = local switch
            {
                "userTask" => TaskKind.User,
                "serviceTask" => TaskKind.Service,
                _ => TaskKind.Plain,
            };
            var declared = ((string?)element.Attribute(Vp + "activityType"))?.Trim();
            string type;
            if (string.IsNullOrEmpty(declared))
            {
                if (kind == TaskKind.Service)
                {
                    Problem(id, "A service task needs vp:activityType naming the automatic activity it runs.");
                    return null;
                }

                type = ManualTask.TypeName;
            }
            else
            {
                type = declared;
            }

            if (!environment.TryGetActivity(type, out var descriptor))
            {
                Problem(id, $"Unknown activity type '{type}'.");
                return null;
            }

            if (kind == TaskKind.Service && descriptor.Kind != ActivityKind.Automatic)
            {
                Problem(id, $"'{type}' is a human activity; use a user task for it.");
            }
            else if (kind != TaskKind.Service && descriptor.Kind != ActivityKind.Human)
            {
                Problem(id, $"'{type}' is an automatic activity; use a service task for it.");
            }

            var inputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var extensions = element.Element(Bpmn + "extensionElements");
            foreach (var input in extensions?.Elements(Vp + "input") ?? [])
            {
                var inputName = ((string?)input.Attribute("name"))?.Trim();
                var value = (string?)input.Attribute("value") ?? input.Value;
                var declaredInput = inputName is null ? null : descriptor.Input(inputName);
                if (declaredInput is null)
                {
                    Problem(id, $"'{type}' has no input '{inputName}'. Its inputs are: {string.Join(", ", descriptor.Inputs.Select(i => i.Name))}.");
                    continue;
                }

                if (!inputs.TryAdd(declaredInput.Name, value))
                {
                    Problem(id, $"The input '{declaredInput.Name}' is given twice.");
                    continue;
                }

                CheckInputValue(id, declaredInput, value);
            }

            foreach (var missing in descriptor.Inputs.Where(i => i.Required && i.Default is null && !inputs.ContainsKey(i.Name)))
            {
                Problem(id, $"The required input '{missing.Name}' of '{type}' is not set.");
            }

            foreach (var output in extensions?.Elements(Vp + "output") ?? [])
            {
                var outputName = ((string?)output.Attribute("name"))?.Trim();
                var variable = ((string?)output.Attribute("variable"))?.Trim();
                var declaredOutput = outputName is null ? null : descriptor.Output(outputName);
                if (declaredOutput is null)
                {
                    Problem(id, $"'{type}' has no output '{outputName}'. Its outputs are: {string.Join(", ", descriptor.Outputs.Select(o => o.Name))}.");
                }
                else if (string.IsNullOrEmpty(variable) || !IsVariableName(variable))
                {
                    Problem(id, $"The output '{outputName}' needs a variable name (letters, digits and '_', not starting with a digit).");
                }
                else if (environment.IsProtectedVariable(variable))
                {
                    Problem(id, $"The output '{outputName}' may not write '{variable}': it routes or identifies the instance, and only the code that owns it changes it.");
                }
                else
                {
                    outputs[declaredOutput.Name] = variable;
                }
            }

            return new TaskNode(id, name, scope, kind, type, inputs, outputs);
        }

        private void CheckInputValue(string id, InputDescriptor input, string value)
        {
            if (value.TrimStart().StartsWith('='))
            {
                if (ScriptSandbox.SyntaxError(value) is { } syntax)
                {
                    Problem(id, $"Input '{input.Name}': {syntax}");
                }
            }
            else if (!ValueTypes.TryConvertLiteral(value, input.Property.PropertyType, out _, out var error))
            {
                Problem(id, $"Input '{input.Name}': {error}");
            }
        }

        private static bool IsVariableName(string name) =>
            name.Length is > 0 and <= 100 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

        private SubProcessNode? ReadSubProcess(XElement element, string id, string? name, ScopeModel scope)
        {
            if (depth >= MaxNesting)
            {
                Problem(id, $"Sub-processes are nested more than {MaxNesting} deep.");
                return null;
            }

            var triggered = string.Equals((string?)element.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase);
            var node = new SubProcessNode(id, name, scope, triggered);
            depth++;
            node.Body = ReadScope(element, id, node);
            depth--;
            var starts = node.Body.StartEvents.ToList();
            if (triggered)
            {
                if (starts.Count != 1 || starts[0].Trigger is null)
                {
                    Problem(id, "An event sub-process needs exactly one start event, with a message or timer definition.");
                }
            }
            else
            {
                if (starts.Count != 1 || starts[0].Trigger is not null)
                {
                    Problem(id, "An embedded sub-process needs exactly one start event, and it must be a none start event.");
                }
            }

            return node;
        }

        private EventTrigger? ReadTrigger(XElement element, string id, bool allowTerminate)
        {
            var definitions = element.Elements()
                .Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
                .ToList();
            if (element.Elements(Bpmn + "eventDefinitionRef").Any())
            {
                Problem(id, "Event definitions by reference (eventDefinitionRef) are not supported; define the event inline.");
            }

            if (definitions.Count == 0)
            {
                return null;
            }

            if (definitions.Count > 1)
            {
                Problem(id, "An event may have one event definition only.");
                return null;
            }

            var definition = definitions[0];
            switch (definition.Name.LocalName)
            {
                case "messageEventDefinition":
                    var messageRef = (string?)definition.Attribute("messageRef");
                    if (string.IsNullOrWhiteSpace(messageRef))
                    {
                        Problem(id, "The message event definition has no messageRef.");
                        return null;
                    }

                    messageRef = LocalId(messageRef);
                    if (!messageNames.TryGetValue(messageRef, out var messageName))
                    {
                        Problem(id, $"The message event refers to message '{messageRef}', which is not defined.");
                        return null;
                    }

                    return new MessageTrigger(messageName, ReadPayload(definition, id), ReadReceivedOn(definition, id));
                case "timerEventDefinition":
                    var spec = ReadTimer(definition, id);
                    return spec is null ? null : new TimerTrigger(spec);
                case "terminateEventDefinition" when allowTerminate:
                    return null;
                default:
                    Problem(id, $"<{definition.Name.LocalName}> is not supported; events may be timer or message events (and terminate end events).");
                    return null;
            }
        }

        /// <summary>The variables a message's payload may set at this event: <c>vp:payload="a, b"</c> (commas or spaces).</summary>
        private List<string> ReadPayload(XElement definition, string id)
        {
            var declared = new List<string>();
            var text = (string?)definition.Attribute(Vp + "payload");
            foreach (var name in (text ?? "").Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!IsVariableName(name))
                {
                    Problem(id, $"vp:payload names '{name}', which is not a variable name.");
                }
                else if (environment.IsProtectedVariable(name))
                {
                    Problem(id, $"vp:payload may not declare '{name}': it routes or identifies the instance and only the code that owns it sets it.");
                }
                else if (!declared.Contains(name))
                {
                    declared.Add(name);
                }
            }

            payloadDeclarations.Add((id, declared));
            return declared;
        }

        private string? ReadReceivedOn(XElement definition, string id)
        {
            var name = ((string?)definition.Attribute(Vp + "receivedOn"))?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            if (!IsVariableName(name) || environment.IsProtectedVariable(name))
            {
                Problem(id, $"vp:receivedOn '{name}' must name a date variable of the workflow's own (not a routing or identity variable).");
                return null;
            }

            return name;
        }

        /// <summary>Deadline anchors are known once every timer is read; a message may not move a deadline by setting one.</summary>
        private void CheckPayloadsAgainstAnchors(ProcessModel model)
        {
            foreach (var (elementId, declared) in payloadDeclarations)
            {
                foreach (var anchor in declared.Where(model.AnchorVariables.Contains))
                {
                    Problem(elementId, $"vp:payload may not declare '{anchor}': a deadline counts from it (vp:anchor), and a message may not move a deadline.");
                }
            }
        }

        private TimerSpec? ReadTimer(XElement definition, string id)
        {
            var rule = ((string?)definition.Attribute(Vp + "deadlineRule"))?.Trim();
            var anchor = ((string?)definition.Attribute(Vp + "anchor"))?.Trim();
            var duration = definition.Element(Bpmn + "timeDuration")?.Value.Trim();
            var date = definition.Element(Bpmn + "timeDate")?.Value.Trim();
            var cycle = definition.Element(Bpmn + "timeCycle")?.Value.Trim();
            var given = new[] { rule, duration, date, cycle }.Count(v => !string.IsNullOrEmpty(v));
            if (given != 1)
            {
                Problem(id, given == 0
                    ? "The timer has no time: give a timeDuration, timeDate or timeCycle, or vp:deadlineRule with vp:anchor."
                    : "The timer gives more than one of timeDuration, timeDate, timeCycle and vp:deadlineRule; give exactly one.");
                return null;
            }

            if (anchor is not null && !IsVariableName(anchor))
            {
                Problem(id, $"vp:anchor '{anchor}' is not a variable name.");
                return null;
            }

            if (!string.IsNullOrEmpty(rule))
            {
                if (string.IsNullOrEmpty(anchor))
                {
                    Problem(id, $"The deadline rule '{rule}' needs vp:anchor: the date variable the deadline counts from.");
                    return null;
                }

                if (!environment.DeadlineRuleExists(rule))
                {
                    Problem(id, $"Unknown deadline rule '{rule}'.");
                    return null;
                }

                return new TimerSpec(TimerSpecKind.Deadline, rule, AnchorVariable: anchor, DeadlineRule: rule);
            }

            if (!string.IsNullOrEmpty(duration))
            {
                // Counted from an anchor date, a duration may go backwards: -P1M is a month before the anchor.
                if (!IsoTime.TryParsePeriod(duration, out var period, allowNegative: anchor is not null))
                {
                    Problem(id, $"The timer duration '{duration}' is not an ISO 8601 duration such as P1M, P4W or PT15M" +
                                (anchor is null ? "." : ", or one with a minus (-P1M) to count back from the anchor."));
                    return null;
                }

                if (anchor is not null && period.HasTimeComponent)
                {
                    Problem(id, $"With vp:anchor the duration counts whole days from a date; '{duration}' has a time part.");
                    return null;
                }

                return new TimerSpec(TimerSpecKind.Duration, duration, Period: period, AnchorVariable: anchor);
            }

            if (anchor is not null)
            {
                Problem(id, "vp:anchor goes with vp:deadlineRule or timeDuration only.");
                return null;
            }

            if (!string.IsNullOrEmpty(date))
            {
                if (!IsoTime.TryParseInstant(date, DateTimeZoneProviders.Tzdb["Europe/Stockholm"], out _))
                {
                    Problem(id, $"The timer date '{date}' is not an ISO 8601 date or date-time.");
                    return null;
                }

                return new TimerSpec(TimerSpecKind.Date, date);
            }

            if (!IsoTime.TryParseCycle(cycle!, DateTimeZoneProviders.Tzdb["Europe/Stockholm"], out var repetitions, out var start, out var interval))
            {
                Problem(id, $"The timer cycle '{cycle}' is not an ISO 8601 repeating interval such as R3/PT1H or R/P1D.");
                return null;
            }

            return new TimerSpec(TimerSpecKind.Cycle, cycle!, Period: interval, Repetitions: repetitions, CycleStart: start);
        }

        private static string LocalId(string reference)
        {
            var colon = reference.IndexOf(':');
            return colon >= 0 ? reference[(colon + 1)..] : reference;
        }

        private void ReadFlow(XElement flow, ScopeModel scope, Dictionary<string, XElement> elementsById)
        {
            var id = (string?)flow.Attribute("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem(null, $"A sequence flow in '{scope.Id}' has no id.");
                return;
            }

            var sourceRef = (string?)flow.Attribute("sourceRef");
            var targetRef = (string?)flow.Attribute("targetRef");
            var source = Resolve(sourceRef, scope, id, "source");
            var target = Resolve(targetRef, scope, id, "target");
            var conditionElement = flow.Element(Bpmn + "conditionExpression");
            string? condition = null;
            if (conditionElement is not null)
            {
                var language = (string?)conditionElement.Attribute("language");
                if (language is not null && !IsJavaScript(language))
                {
                    Problem(id, $"The condition language '{language}' is not supported; conditions are JavaScript.");
                }

                condition = conditionElement.Value.Trim();
                if (condition.Length == 0)
                {
                    Problem(id, "The condition expression is empty.");
                    condition = null;
                }
                else if (ScriptSandbox.SyntaxError(condition) is { } syntax)
                {
                    Problem(id, syntax);
                }
            }

            if (source is null || target is null)
            {
                return;
            }

            var sequenceFlow = new SequenceFlow(id, source, target, condition);
            source.Outgoing.Add(sequenceFlow);
            target.Incoming.Add(sequenceFlow);
            var defaultRef = source is GatewayNode or ActivityNode ? (string?)elementsById.GetValueOrDefault(source.Id)?.Attribute("default") : null;
            if (defaultRef == id)
            {
                source.DefaultFlow = sequenceFlow;
            }
        }

        private static bool IsJavaScript(string language) =>
            language.Trim().ToLowerInvariant() is "javascript" or "js" or "ecmascript" or "text/javascript" or "application/javascript";

        private FlowNode? Resolve(string? reference, ScopeModel scope, string flowId, string end)
        {
            if (string.IsNullOrWhiteSpace(reference))
            {
                Problem(flowId, $"The sequence flow has no {end}Ref.");
                return null;
            }

            if (scope.Node(reference) is { } node)
            {
                return node;
            }

            Problem(flowId, nodes.ContainsKey(reference)
                ? $"The sequence flow's {end} '{reference}' is in another scope; sequence flows may not cross a sub-process boundary."
                : $"The sequence flow's {end} '{reference}' does not exist (dangling sequence flow).");
            return null;
        }

        private void ResolveBoundaries()
        {
            foreach (var (boundary, attachedTo) in boundaries)
            {
                budget.Check();
                if (string.IsNullOrWhiteSpace(attachedTo))
                {
                    Problem(boundary.Id, "The boundary event has no attachedToRef.");
                    continue;
                }

                var target = boundary.Scope.Node(attachedTo);
                if (target is not ActivityNode activity || activity is SubProcessNode { TriggeredByEvent: true })
                {
                    Problem(boundary.Id, $"The boundary event is attached to '{attachedTo}', which is not a task or sub-process in the same scope.");
                    continue;
                }

                boundary.AttachedTo = activity;
                activity.BoundaryEvents.Add(boundary);
            }
        }

        private void CheckNode(FlowNode node)
        {
            switch (node)
            {
                case StartEventNode start:
                    if (start.Incoming.Count > 0)
                    {
                        Problem(start.Id, "A start event may not have incoming sequence flows.");
                    }

                    if (start.Trigger is TimerTrigger { Spec.AnchorVariable: not null } && start.Scope.Owner is null)
                    {
                        Problem(start.Id, "A process start timer cannot count from an anchor variable: there are no variables before the process starts.");
                    }

                    if (start.Trigger is TimerTrigger { Spec.Kind: TimerSpecKind.Cycle } && start.Scope.Owner is not null && start.IsInterrupting)
                    {
                        Problem(start.Id, "A cycle timer can only start a non-interrupting event sub-process.");
                    }

                    break;
                case EndEventNode end:
                    if (end.Outgoing.Count > 0)
                    {
                        Problem(end.Id, "An end event may not have outgoing sequence flows.");
                    }

                    break;
                case BoundaryEventNode boundary:
                    if (boundary.Incoming.Count > 0)
                    {
                        Problem(boundary.Id, "A boundary event may not have incoming sequence flows.");
                    }

                    if (boundary.Trigger is TimerTrigger { Spec.Kind: TimerSpecKind.Cycle } && boundary.CancelActivity)
                    {
                        Problem(boundary.Id, "A cycle timer boundary event must be non-interrupting (cancelActivity=\"false\").");
                    }

                    break;
                case IntermediateCatchEventNode catchEvent:
                    if (catchEvent.Trigger is TimerTrigger { Spec.Kind: TimerSpecKind.Cycle })
                    {
                        Problem(catchEvent.Id, "An intermediate timer fires once; use timeDuration or timeDate, not timeCycle.");
                    }

                    break;
                case SubProcessNode { TriggeredByEvent: true } eventSubProcess:
                    if (eventSubProcess.Incoming.Count > 0 || eventSubProcess.Outgoing.Count > 0)
                    {
                        Problem(eventSubProcess.Id, "An event sub-process may not have incoming or outgoing sequence flows.");
                    }

                    break;
                case GatewayNode gateway:
                    CheckGateway(gateway);
                    break;
            }

            if (node is not StartEventNode and not BoundaryEventNode and not SubProcessNode { TriggeredByEvent: true } && node.Incoming.Count == 0)
            {
                Problem(node.Id, "The element has no incoming sequence flow, so it can never be reached.");
            }

            if (node is not GatewayNode && node.Outgoing.Count > 0)
            {
                CheckActivityConditions(node);
            }
        }

        private void CheckGateway(GatewayNode gateway)
        {
            if (gateway.Outgoing.Count == 0)
            {
                Problem(gateway.Id, "The gateway has no outgoing sequence flow.");
                return;
            }

            switch (gateway.Kind)
            {
                case GatewayKind.Exclusive:
                    if (gateway.DefaultFlow?.Condition is not null)
                    {
                        Problem(gateway.DefaultFlow.Id, "The default flow may not have a condition.");
                    }

                    if (gateway.Outgoing.Count > 1)
                    {
                        foreach (var flow in gateway.Outgoing.Where(f => f != gateway.DefaultFlow && f.Condition is null))
                        {
                            Problem(flow.Id, $"The flow leaves exclusive gateway '{gateway.Id}' without a condition; give it a condition or make it the gateway's default flow.");
                        }
                    }

                    break;
                case GatewayKind.Parallel:
                    foreach (var flow in gateway.Outgoing.Where(f => f.Condition is not null))
                    {
                        Problem(flow.Id, "Flows leaving a parallel gateway may not have conditions.");
                    }

                    break;
                case GatewayKind.EventBased:
                    if (gateway.Outgoing.Count < 2)
                    {
                        Problem(gateway.Id, "An event-based gateway needs at least two outgoing flows.");
                    }

                    foreach (var flow in gateway.Outgoing)
                    {
                        if (flow.Condition is not null)
                        {
                            Problem(flow.Id, "Flows leaving an event-based gateway may not have conditions.");
                        }

                        if (flow.Target is not IntermediateCatchEventNode target)
                        {
                            Problem(flow.Id, $"An event-based gateway must lead to intermediate timer or message catch events; '{flow.Target.Id}' is not one.");
                        }
                        else if (target.Incoming.Count > 1)
                        {
                            Problem(target.Id, "An event after an event-based gateway may have no other incoming flows.");
                        }
                    }

                    break;
            }
        }

        private void CheckActivityConditions(FlowNode node)
        {
            if (node.DefaultFlow?.Condition is not null)
            {
                Problem(node.DefaultFlow.Id, "The default flow may not have a condition.");
            }

            if (node is not ActivityNode && node.Outgoing.Any(f => f.Condition is not null))
            {
                foreach (var flow in node.Outgoing.Where(f => f.Condition is not null))
                {
                    Problem(flow.Id, "Only flows leaving a gateway or an activity may have conditions.");
                }
            }
        }

        private void CheckProcessStart(ScopeModel scope, string key)
        {
            var starts = scope.StartEvents.ToList();
            if (starts.Count == 0)
            {
                Problem(key, "The process has no start event.");
            }

            if (starts.Count(s => s.Trigger is null) > 1)
            {
                Problem(key, "The process has more than one none start event; it could not tell which one to start at.");
            }

            foreach (var group in starts.Select(s => s.Trigger).OfType<MessageTrigger>().GroupBy(m => m.MessageName).Where(g => g.Count() > 1))
            {
                Problem(key, $"Two start events wait for the message '{group.Key}'.");
            }
        }
    }
}
