using System.Xml.Linq;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Expressions;
using static Verkstallighet.Workflows.Definitions.BpmnVocabulary;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Reads a task: the activity it runs (<c>vp:activityType</c>, a manual task when a user task or plain task names none)
/// and the inputs and outputs it binds, checked against the activity's descriptor.
/// </summary>
internal sealed class TaskReader(ParseSession session)
{
    /// <summary>The input of every human activity that names the role its task is offered to.</summary>
    private const string CandidateRoleInput = "candidateRole";

    private readonly CandidateGroupReader candidateGroups = new(session);

    /// <summary>The task, or null when its activity cannot be found, the problem reported.</summary>
    public TaskNode? Read(XElement element, string local, string id, string? name, ScopeModel scope)
    {
        var kind = local switch
        {
            "userTask" => TaskKind.User,
            "serviceTask" => TaskKind.Service,
            _ => TaskKind.Plain,
        };
        var declared = ((string?)element.Attribute(Vp + "activityType"))?.Trim();
        if (string.IsNullOrEmpty(declared) && kind == TaskKind.Service)
        {
            session.Problem(id, "A service task needs vp:activityType naming the automatic activity it runs." + ForeignImplementation(element));
            return null;
        }

        var type = string.IsNullOrEmpty(declared) ? ManualTask.TypeName : declared;
        if (!session.Environment.TryGetActivity(type, out var descriptor))
        {
            session.Problem(id, $"Unknown activity type '{type}'.");
            return null;
        }

        if (kind == TaskKind.Service && descriptor.Kind != ActivityKind.Automatic)
        {
            session.Problem(id, $"'{type}' is a human activity; use a user task for it.");
        }
        else if (kind != TaskKind.Service && descriptor.Kind != ActivityKind.Human)
        {
            session.Problem(id, $"'{type}' is an automatic activity; use a service task for it.");
        }

        var extensions = element.Element(Bpmn + "extensionElements");
        var inputs = ReadInputs(extensions, descriptor, type, id);
        if (descriptor.Input(CandidateRoleInput) is { } roleInput && !inputs.ContainsKey(roleInput.Name) && candidateGroups.Read(element, id) is { } role)
        {
            inputs[roleInput.Name] = role; // another tool's candidate group, when the model gives no vp candidateRole
        }

        var outputs = ReadOutputs(extensions, descriptor, type, id);
        return new TaskNode(id, name, scope, kind, type, inputs, outputs);
    }

    /// <summary>Names another tool's implementation of a service task, which the engine cannot run.</summary>
    private static string ForeignImplementation(XElement element)
    {
        var camunda = new[] { "class", "expression", "delegateExpression", "type" }
            .FirstOrDefault(a => element.Attribute(Camunda + a) is not null);
        if (camunda is not null)
        {
            return $" Its camunda:{camunda} is not run here.";
        }

        return element.Element(Bpmn + "extensionElements")?.Element(Zeebe + "taskDefinition") is not null
            ? " Its zeebe:taskDefinition (a job worker) is not run here."
            : "";
    }

    private Dictionary<string, string> ReadInputs(XElement? extensions, ActivityDescriptor descriptor, string type, string id)
    {
        var inputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in extensions?.Elements(Vp + "input") ?? [])
        {
            session.Budget.Check(); // each expression is parsed; a task may carry many
            var inputName = ((string?)input.Attribute("name"))?.Trim();
            var value = (string?)input.Attribute("value") ?? input.Value;
            var declaredInput = inputName is null ? null : descriptor.Input(inputName);
            if (declaredInput is null)
            {
                session.Problem(id, $"'{type}' has no input '{inputName}'. Its inputs are: {string.Join(", ", descriptor.Inputs.Select(i => i.Name))}.");
                continue;
            }

            if (!inputs.TryAdd(declaredInput.Name, value))
            {
                session.Problem(id, $"The input '{declaredInput.Name}' is given twice.");
                continue;
            }

            CheckInputValue(id, declaredInput, value);
        }

        foreach (var missing in descriptor.Inputs.Where(i => i.Required && i.Default is null && !inputs.ContainsKey(i.Name)))
        {
            session.Problem(id, $"The required input '{missing.Name}' of '{type}' is not set.");
        }

        return inputs;
    }

    private void CheckInputValue(string id, InputDescriptor input, string value)
    {
        if (value.TrimStart().StartsWith('='))
        {
            if (ScriptSandbox.SyntaxError(value) is { } syntax)
            {
                session.Problem(id, $"Input '{input.Name}': {syntax}");
            }
        }
        else if (!ValueTypes.TryConvertLiteral(value, input.Property.PropertyType, out _, out var error))
        {
            session.Problem(id, $"Input '{input.Name}': {error}");
        }
    }

    private Dictionary<string, string> ReadOutputs(XElement? extensions, ActivityDescriptor descriptor, string type, string id)
    {
        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in extensions?.Elements(Vp + "output") ?? [])
        {
            var outputName = ((string?)output.Attribute("name"))?.Trim();
            var variable = ((string?)output.Attribute("variable"))?.Trim();
            var declaredOutput = outputName is null ? null : descriptor.Output(outputName);
            if (declaredOutput is null)
            {
                session.Problem(id, $"'{type}' has no output '{outputName}'. Its outputs are: {string.Join(", ", descriptor.Outputs.Select(o => o.Name))}.");
            }
            else if (string.IsNullOrEmpty(variable) || !IsVariableName(variable))
            {
                session.Problem(id, $"The output '{outputName}' needs a variable name (letters, digits and '_', not starting with a digit).");
            }
            else if (session.IsProtectedVariable(variable))
            {
                session.Problem(id, $"The output '{outputName}' may not write '{variable}': it routes or identifies the instance, and only the code that owns it changes it.");
            }
            else
            {
                outputs[declaredOutput.Name] = variable;
            }
        }

        return outputs;
    }
}
