using System.Text.Json;
using System.Text.Json.Nodes;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Workflows.Activities;

/// <summary>
/// An activity done by a person: reaching it opens a human task and the instance waits. Completing the task validates
/// the submitted form, sets the outputs and continues.
/// </summary>
public abstract class HumanActivity : Activity
{
    /// <summary>The role the task is offered to. Unset: the default role the domain configures (<c>WorkflowRuntimeOptions.DefaultCandidateRole</c>).</summary>
    [Input("Role", Description = "The role that may take the task.")]
    public string? CandidateRole { get; set; }

    [Input("Office", Description = "The office that owns the task. Omitted: the instance's office.")]
    public string? Office { get; set; }

    [Input("Assignee", Description = "The user the task is assigned to at once, if anyone.")]
    public string? Assignee { get; set; }

    /// <summary>Stored on the task and shown above its form: what to do, and on which legal ground.</summary>
    [Input("Instructions", Description = "Shown above the task's form: what to do, and on which legal ground.")]
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
            return [new FieldProblem("", context.Texts.Of(ActivityTexts.FormMissing, "The form is missing."))];
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
