using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.FollowUps;

/// <summary>
/// Follow-up of the plan (16–17 §§): how far each measure of the plan in force has come, and one decision: the plan
/// stands, the plan changes (a new version, 17 §), or a new risk assessment is needed (13 §).
/// </summary>
[Activity("FollowUp", "Uppföljning av verkställighetsplan", Category = "Verkställighetsplanering",
    Description = "Följ upp varje åtgärd och besluta om planen står fast, ändras eller om en ny riskbedömning behövs (16–17 §§).")]
public sealed class FollowUpActivity : HumanActivity<FollowUpActivity.Form>
{
    [Input("Slag av uppföljning", Description = "Scheduled (inom sex månader), PrisonPlan, BeforeTransfer, AfterTransfer, BeforeEnd eller Other (16 §).")]
    public FollowUpKind Kind { get; set; } = FollowUpKind.Scheduled;

    [Output("Beslut", DefaultVariable = "followUpDecision")]
    public FollowUpDecision Decision { get; set; }

    public sealed class Form
    {
        [Display(Name = "Åtgärder", Description = "Status för varje åtgärd i gällande plan.")]
        public List<MeasureForm> Measures { get; init; } = [];

        [Display(Name = "Beslut")]
        [Required(ErrorMessage = "Besluta om planen står fast, ändras eller om en ny riskbedömning behövs (16–17 §§).")]
        public FollowUpDecision? Decision { get; init; }

        [Display(Name = "Anteckningar")]
        [MaxLength(4000)]
        public string? Notes { get; init; }
    }

    public sealed class MeasureForm
    {
        [Display(Name = "Åtgärd")]
        [Required(ErrorMessage = "Ange vilken åtgärd det gäller.")]
        public Guid? MeasureId { get; init; }

        [Display(Name = "Status")]
        [Required(ErrorMessage = "Ange åtgärdens status: Genomförd, Pågår, EjPåbörjad eller Avbruten.")]
        public MeasureStatus? Status { get; init; }

        [Display(Name = "Anteckning")]
        [MaxLength(2000)]
        public string? Note { get; init; }
    }

    protected override async Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        var plan = await PlanInForceAsync(context, cancellationToken);
        var known = plan?.Measures.Select(m => m.Id).ToHashSet() ?? [];
        for (var i = 0; i < form.Measures.Count; i++)
        {
            if (form.Measures[i].MeasureId is { } id && !known.Contains(id))
            {
                problems.Add($"measures[{i}].measureId", "Åtgärden finns inte i gällande plan.");
            }

            if (form.Measures[i].Status == MeasureStatus.Avbruten && string.IsNullOrWhiteSpace(form.Measures[i].Note))
            {
                problems.Add($"measures[{i}].note", "Skriv varför åtgärden avbröts.");
            }
        }

        foreach (var duplicate in form.Measures.GroupBy(m => m.MeasureId).Where(g => g.Count() > 1))
        {
            problems.Add("measures", $"Åtgärden {duplicate.Key} är uppföljd mer än en gång.");
        }

        foreach (var missing in plan?.Measures.Where(m => form.Measures.All(f => f.MeasureId != m.Id)) ?? [])
        {
            problems.Add("measures", $"Åtgärden \"{missing.Description}\" är inte uppföljd; varje åtgärd i planen ska följas upp (16 §).");
        }

        // 17 §, general advice: measures that were discontinued are a reason to change the plan.
        if (form.Decision == FollowUpDecision.PlanStands && form.Measures.Any(m => m.Status == MeasureStatus.Avbruten))
        {
            problems.Add("decision", "En avbruten åtgärd är skäl att ändra planen (17 §); välj PlanChanges eller NewRiskAssessment.");
        }
    }

    protected override async Task CompleteAsync(Form form, HumanTaskContext context, CancellationToken cancellationToken)
    {
        var plan = await PlanInForceAsync(context, cancellationToken);
        Decision = form.Decision!.Value;
        var followUp = new FollowUp
        {
            Id = Guid.CreateVersion7(),
            CaseId = CaseSteps.CaseId(context),
            PlanVersion = plan?.Version,
            Kind = Kind,
            Measures = form.Measures.Select(m => new MeasureFollowUp(m.MeasureId!.Value, m.Status!.Value, m.Note?.Trim())).ToList(),
            Decision = Decision,
            Notes = form.Notes?.Trim(),
            By = context.Actor ?? "system",
            At = context.Now,
        };
        CaseSteps.Save(context, $"follow-up ({Kind})", db => db.FollowUps.Add(followUp));
    }

    private static Task<Plan?> PlanInForceAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var caseId = CaseSteps.CaseId(context);
        return CaseSteps.ReadAsync(context, db => db.Plans.AsNoTracking()
            .Where(p => p.CaseId == caseId && p.Status == PlanStatus.Established)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(cancellationToken), cancellationToken);
    }
}
