using System.ComponentModel.DataAnnotations;

namespace Verkstallighet.Workflows.Activities.Builtin;

/// <summary>
/// The generic human step: a plain BPMN task, or a user task without <c>vp:activityType</c>. Its title is the task's
/// name. When the model lists outcomes, the person must choose one, and a gateway can branch on it.
/// </summary>
[Activity(TypeName, "Manuell uppgift", Category = "Allmänt", Description = "Ett steg som en handläggare utför och kvitterar.")]
public sealed class ManualTask : HumanActivity<ManualTask.Form>
{
    public const string TypeName = "ManualTask";

    [Input("Möjliga utfall", Description = "Kommaseparerade utfall att välja mellan, t.ex. 'Godkänd,Avslagen'.")]
    public string? Outcomes { get; set; }

    [Output("Utfall")]
    public string? Outcome { get; set; }

    [Output("Kommentar")]
    public string? Comment { get; set; }

    public sealed class Form
    {
        [Display(Name = "Utfall")]
        [MaxLength(200)]
        public string? Outcome { get; init; }

        [Display(Name = "Kommentar")]
        [MaxLength(4000)]
        public string? Comment { get; init; }
    }

    protected override Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        var allowed = (Outcomes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Length > 0 && !allowed.Contains(form.Outcome, StringComparer.Ordinal))
        {
            problems.Add("outcome", $"Välj ett av utfallen: {string.Join(", ", allowed)}.");
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
