using System.ComponentModel.DataAnnotations;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Misconduct;

/// <summary>
/// A chief decides on a client's misconduct (general advice to 16 §): no action, a warning, or a report to the
/// övervakningsnämnd or to the prosecutor, as the sanction allows. Any outcome but no action calls for a new risk
/// assessment (13 §).
/// </summary>
[Activity("MisconductReview", "Misskötsamhetsbedömning", Category = "Verkställighetsplanering",
    Description = "Chefen bedömer misskötsamhet och beslutar om åtgärd (allmänna råd till 16 §).")]
public sealed class MisconductReviewActivity : HumanActivity<MisconductReviewActivity.Form>
{
    public MisconductReviewActivity() => CandidateRole = Roles.Chief;

    [Output("Utfall", DefaultVariable = "misconductOutcome")]
    public MisconductOutcome Outcome { get; set; }

    public sealed class Form
    {
        [Display(Name = "Skäl", Description = "Vad klienten har misskött, t.ex. uteblivit från kallelser eller inte gått att nå.")]
        [Required(ErrorMessage = "Ange skälen för bedömningen.")]
        [MaxLength(4000)]
        public string? Reasons { get; init; }

        [Display(Name = "Utfall")]
        [Required(ErrorMessage = "Ange utfallet.")]
        public MisconductOutcome? Outcome { get; init; }
    }

    protected override async Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        CaseSteps.RequireChief(context, "decide on misconduct");
        if (string.IsNullOrWhiteSpace(form.Reasons))
        {
            problems.Add("reasons", "Ange skälen för bedömningen.");
        }

        var @case = await CaseSteps.LoadCaseAsync(context, cancellationToken);
        var allowed = MisconductReview.AllowedFor(@case.Sanction);
        if (!allowed.Contains(form.Outcome!.Value))
        {
            problems.Add("outcome", $"Vid {@case.Sanction} kan utfallet vara {string.Join(", ", allowed)} (allmänna råd till 3, 4 och 16 §§).");
        }
    }

    protected override Task CompleteAsync(Form form, HumanTaskContext context, CancellationToken cancellationToken)
    {
        Outcome = form.Outcome!.Value;
        var review = new MisconductReview
        {
            Id = Guid.CreateVersion7(),
            CaseId = CaseSteps.CaseId(context),
            Reasons = form.Reasons!.Trim(),
            Outcome = Outcome,
            DecidedBy = context.Actor ?? "system",
            At = context.Now,
        };
        CaseSteps.Save(context, $"misconduct review ({Outcome})", db => db.MisconductReviews.Add(review));
        return Task.CompletedTask;
    }
}
