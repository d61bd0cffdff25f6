using System.ComponentModel.DataAnnotations;

namespace Verkstallighet.Workflows.Activities.Builtin;

/// <summary>
/// The generic human step: a plain BPMN task, or a user task without <c>vp:activityType</c>. Its title is the task's
/// name. When the model lists outcomes, the person must choose one, and a gateway can branch on it.
/// </summary>
[Activity(TypeName, "Manual task", Description = "A step a person carries out and confirms.")]
public sealed class ManualTask : HumanActivity<ManualTask.Form>
{
    public const string TypeName = "ManualTask";

    /// <summary>The text key of the problem an outcome outside the model's list gets.</summary>
    public const string OutcomeNotAllowed = TypeName + ".outcome.notAllowed";

    [Input("Possible outcomes", Description = "Comma-separated outcomes to choose from, e.g. 'Approved,Rejected'.")]
    public string? Outcomes { get; set; }

    [Output("Outcome")]
    public string? Outcome { get; set; }

    [Output("Comment")]
    public string? Comment { get; set; }

    public sealed class Form
    {
        [Display(Name = "Outcome")]
        [MaxLength(200)]
        public string? Outcome { get; init; }

        [Display(Name = "Comment")]
        [MaxLength(4000)]
        public string? Comment { get; init; }
    }

    protected override Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        var allowed = (Outcomes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Length > 0 && !allowed.Contains(form.Outcome, StringComparer.Ordinal))
        {
            problems.Add("outcome", context.Texts.Format(OutcomeNotAllowed, "Choose one of the outcomes: {0}.", string.Join(", ", allowed)));
        }

        return Task.CompletedTask;
    }

    protected override Task CompleteAsync(Form form, HumanTaskContext context, CancellationToken cancellationToken)
    {
        Outcome = form.Outcome;
        Comment = form.Comment;
        return Task.CompletedTask;
    }
}
