using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Workflows.Activities;

/// <summary>One thing wrong with submitted data: the field's JSON path (<c>measures[0].dueDate</c>) and why.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>The problems a human activity finds in submitted data.</summary>
public sealed class FieldProblems
{
    private readonly List<FieldProblem> problems = [];

    public IReadOnlyList<FieldProblem> All => problems;

    public bool Any => problems.Count > 0;

    public void Add(string field, string message) => problems.Add(new FieldProblem(field, message));

    public void AddRange(IEnumerable<FieldProblem> more) => problems.AddRange(more);
}

/// <summary>What a human activity sees when its task is completed.</summary>
public sealed class HumanTaskContext(ActivityContext activity, Guid taskId, IReadOnlySet<string> actorRoles, string? actorOffice)
    : ActivityContext(activity)
{
    public Guid TaskId { get; } = taskId;

    public IReadOnlySet<string> ActorRoles { get; } = actorRoles;

    public string? ActorOffice { get; } = actorOffice;
}

/// <summary>
/// An activity done by a person: reaching it opens a human task and the instance waits. Completing the task validates
/// the submitted form, sets the outputs and continues.
/// </summary>
public abstract class HumanActivity : Activity
{
    /// <summary>The role the task is offered to. Unset: the default role the domain configures (<c>WorkflowRuntimeOptions.DefaultCandidateRole</c>).</summary>
    [Input("Roll", Description = "Rollen som får ta uppgiften.")]
    public string? CandidateRole { get; set; }

    [Input("Kontor", Description = "Kontoret som äger uppgiften. Utelämnat: instansvariabeln office.")]
    public string? Office { get; set; }

    [Input("Tilldelad", Description = "Användaren uppgiften tilldelas direkt, om någon.")]
    public string? Assignee { get; set; }

    /// <summary>Stored on the task and shown above its form: what to do, and on which legal ground.</summary>
    [Input("Instruktion", Description = "Visas ovanför uppgiftens formulär, t.ex. vad som ska göras och enligt vilken paragraf.")]
    public string? Instructions { get; set; }

    /// <summary>The type of the form a user submits.</summary>
    public abstract Type FormType { get; }

    /// <summary>Validates the submitted data and, when it is valid, sets the outputs. Returns the problems found.</summary>
    public abstract Task<IReadOnlyList<FieldProblem>> SubmitAsync(JsonObject data, HumanTaskContext context, CancellationToken cancellationToken);
}

/// <summary>
/// A human activity with a typed form. Data annotations on the form are checked first, then
/// <see cref="ValidateAsync"/>; only valid data reaches <see cref="CompleteAsync"/>. Throwing a
/// <see cref="ForbiddenException"/> from either refuses the user (403) rather than the data.
/// </summary>
public abstract class HumanActivity<TForm> : HumanActivity where TForm : class
{
    public sealed override Type FormType => typeof(TForm);

    /// <summary>Rules beyond what the form's annotations say.</summary>
    protected virtual Task ValidateAsync(TForm form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Called with valid data only: set the outputs, and register domain writes with <see cref="ActivityContext.AlsoSave"/>.</summary>
    protected abstract Task CompleteAsync(TForm form, HumanTaskContext context, CancellationToken cancellationToken);

    public sealed override async Task<IReadOnlyList<FieldProblem>> SubmitAsync(JsonObject data, HumanTaskContext context, CancellationToken cancellationToken)
    {
        TForm? form;
        try
        {
            form = data.Deserialize<TForm>(WorkflowJson.StrictOptions);
        }
        catch (JsonException e)
        {
            return [new FieldProblem(FieldFromJsonPath(e.Path), ReadableJsonError(e))];
        }

        if (form is null)
        {
            return [new FieldProblem("", "Formuläret saknas.")];
        }

        var problems = new FieldProblems();
        problems.AddRange(FormAnnotations.Validate(form));
        if (!problems.Any)
        {
            await ValidateAsync(form, context, problems, cancellationToken);
        }

        if (!problems.Any)
        {
            await CompleteAsync(form, context, cancellationToken);
        }

        return problems.All;
    }

    private static string FieldFromJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string ReadableJsonError(JsonException e)
    {
        // System.Text.Json's messages name CLR types; keep the first sentence, which says what was wrong.
        var message = e.Message;
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] + "." : message;
    }
}

/// <summary>Checks data annotations on a form and on the objects and lists inside it, reporting JSON paths.</summary>
public static class FormAnnotations
{
    public static IEnumerable<FieldProblem> Validate(object form) => Validate(form, prefix: "", depth: 0);

    private static IEnumerable<FieldProblem> Validate(object value, string prefix, int depth)
    {
        if (depth > 16)
        {
            yield break;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [""];
            foreach (var member in members)
            {
                yield return new FieldProblem(Join(prefix, JsonName(value.GetType(), member)), result.ErrorMessage ?? "Ogiltigt värde.");
            }
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || IsLeaf(property.PropertyType))
            {
                continue;
            }

            var child = property.GetValue(value);
            var name = Join(prefix, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            if (child is IEnumerable list and not string)
            {
                var index = 0;
                foreach (var item in list)
                {
                    if (item is not null && !IsLeaf(item.GetType()))
                    {
                        foreach (var problem in Validate(item, $"{name}[{index}]", depth + 1))
                        {
                            yield return problem;
                        }
                    }

                    index++;
                }
            }
            else if (child is not null)
            {
                foreach (var problem in Validate(child, name, depth + 1))
                {
                    yield return problem;
                }
            }
        }
    }

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
               type.Namespace == "NodaTime" || type == typeof(Guid) || type == typeof(DateTimeOffset) ||
               typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type);
    }

    private static string JsonName(Type type, string member) =>
        member.Length == 0 || type.GetProperty(member) is null ? member : JsonNamingPolicy.CamelCase.ConvertName(member);

    private static string Join(string prefix, string name) =>
        prefix.Length == 0 ? name : name.Length == 0 ? prefix : prefix + "." + name;
}
