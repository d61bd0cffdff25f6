using System.Xml.Linq;
using static Verkstallighet.Workflows.Definitions.BpmnVocabulary;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Turns a loaded document into a <see cref="ParsedDefinition"/>: checks the root and the ids, picks the executable
/// process, reads its scopes (<see cref="ScopeReader"/>), links them (<see cref="FlowLinker"/>) and checks the result
/// (<see cref="ModelValidator"/>).
/// </summary>
internal sealed class DefinitionReader(XDocument document, IDefinitionEnvironment environment, ParseBudget budget)
{
    private readonly ParseSession session = new(environment, budget);

    public ParsedDefinition Read()
    {
        var root = document.Root!;
        if (root.Name != Bpmn + "definitions")
        {
            session.Problem(null, $"The root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'; a BPMN 2.0 document starts with <definitions> in '{BpmnParser.BpmnNamespace}'.");
            return Result(null, null);
        }

        CheckDuplicateIds(root);
        ReadMessageNames(root);
        var process = SelectProcess(root);
        if (process is null)
        {
            return Result(null, null);
        }

        var key = (string?)process.Attribute("id");
        var processName = (string?)process.Attribute("name");
        if (string.IsNullOrWhiteSpace(key))
        {
            session.Problem(null, "The executable process has no id; the id is the definition key.");
            return Result(null, processName);
        }

        if (!IsValidKey(key))
        {
            session.Problem(key, "The process id may contain only letters, digits, '-', '_' and '.', and at most 100 characters.");
        }

        var scope = new ScopeReader(session).Read(process, key, owner: null);
        new FlowLinker(session).Link();
        var model = new ProcessModel(key, processName, scope, session.Nodes);
        new ModelValidator(session).Validate(model);
        if (!session.Environment.IsPublishedVersion)
        {
            new ReferenceChecker(session).Check(root, process);
        }

        return Result(model, processName, key);
    }

    private ParsedDefinition Result(ProcessModel? model, string? name, string? key = null) =>
        session.Problems.Count == 0 ? new ParsedDefinition(key, name, model, []) : new ParsedDefinition(key, name, null, session.Problems);

    private void CheckDuplicateIds(XElement root)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in root.Descendants())
        {
            session.Budget.Check();
            if (element.Name.Namespace == Bpmn && (string?)element.Attribute("id") is { Length: > 0 } id)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        foreach (var (id, count) in counts.Where(c => c.Value > 1))
        {
            session.Problem(id, $"The id '{id}' is used by {count} elements; ids must be unique.");
        }
    }

    private void ReadMessageNames(XElement root)
    {
        foreach (var message in root.Elements(Bpmn + "message"))
        {
            if ((string?)message.Attribute("id") is { } id)
            {
                var name = (string?)message.Attribute("name");
                session.MessageNames[id] = string.IsNullOrWhiteSpace(name) ? id : name.Trim();
            }
        }
    }

    private XElement? SelectProcess(XElement root)
    {
        var processes = root.Elements(Bpmn + "process").ToList();
        if (processes.Count == 0)
        {
            session.Problem(null, "The document has no <process>.");
            return null;
        }

        var executable = processes.Where(p => IsTrue(p, "isExecutable")).ToList();
        if (executable.Count == 1)
        {
            return executable[0];
        }

        if (executable.Count > 1)
        {
            var ids = string.Join(", ", executable.Select(p => (string?)p.Attribute("id") ?? "?"));
            session.Problem(null, $"Several processes are marked isExecutable=\"true\" ({ids}); exactly one may be.");
            return null;
        }

        // BPMN's default is false, but our own files and tests long left the attribute out on a lone process: that
        // one still runs. An explicit "false" (Camunda writes it on every pool but the one to run) is refused.
        if (processes.Count == 1 && (processes[0].Attribute("isExecutable") is null || session.Environment.IsPublishedVersion))
        {
            return processes[0];
        }

        if (session.Environment.IsPublishedVersion)
        {
            session.Problem(null, "The document has several processes and none is marked isExecutable=\"true\".");
            return null;
        }

        var remedy = processes.Count == 1 ? "mark it executable to run it" : "mark the one to run executable";
        foreach (var process in processes)
        {
            var id = (string?)process.Attribute("id");
            session.Problem(id, $"No process is executable: process '{id ?? (string?)process.Attribute("name") ?? "?"}' is not marked isExecutable=\"true\"; {remedy}.");
        }

        return null;
    }
}
