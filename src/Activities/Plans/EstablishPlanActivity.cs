using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Plans;

public enum PlanDecision
{
    /// <summary>Fastställ planen.</summary>
    Establish,

    /// <summary>Återsänd planen till handläggaren med en kommentar.</summary>
    Return,
}

/// <summary>
/// A chief establishes (fastställer) the submitted plan, as at a kollegium, or returns it with a comment. The chief
/// cannot be the one who drafted it. Establishing produces the client's copy (12 §).
/// </summary>
[Activity("EstablishPlan", "Fastställa verkställighetsplan", Category = "Verkställighetsplanering",
    Description = "Chefen fastställer planförslaget eller återsänder det med en kommentar. Klienten får en kopia (12 §).")]
public sealed class EstablishPlanActivity : HumanActivity<EstablishPlanActivity.Form>
{
    public EstablishPlanActivity() => CandidateRole = Roles.Chief;

    [Output("Beslut", DefaultVariable = "planDecision")]
    public PlanDecision Decision { get; set; }

    public sealed class Form
    {
        [Display(Name = "Beslut")]
        [Required(ErrorMessage = "Välj Establish (fastställ) eller Return (återsänd).")]
        public PlanDecision? Decision { get; init; }

        [Display(Name = "Kommentar", Description = "Krävs när planen återsänds.")]
        [MaxLength(4000)]
        public string? Comment { get; init; }
    }

    protected override async Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        CaseSteps.RequireChief(context, "establish a verkställighetsplan");
        var plan = await SubmittedPlanAsync(context, cancellationToken);
        if (string.Equals(plan.DraftedBy, context.Actor, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException($"You drafted version {plan.Version} of the plan; another chief must establish it.");
        }

        if (form.Decision == PlanDecision.Return && string.IsNullOrWhiteSpace(form.Comment))
        {
            problems.Add("comment", "Skriv varför planen återsänds.");
        }
    }

    protected override async Task CompleteAsync(Form form, HumanTaskContext context, CancellationToken cancellationToken)
    {
        var plan = await SubmittedPlanAsync(context, cancellationToken);
        Decision = form.Decision!.Value;
        var establish = Decision == PlanDecision.Establish;
        CaseSteps.Save(context, $"plan version {plan.Version} {(establish ? "established" : "returned")}", async (db, ct) =>
        {
            db.Attach(plan);
            plan.Status = establish ? PlanStatus.Established : PlanStatus.Returned;
            plan.DecidedBy = context.Actor;
            plan.DecidedAt = context.Now;
            plan.ReturnComment = establish ? null : form.Comment!.Trim();
            if (establish)
            {
                var earlier = await db.Plans.Where(p => p.CaseId == plan.CaseId && p.Status == PlanStatus.Established && p.Id != plan.Id).ToListAsync(ct);
                earlier.ForEach(p => p.Status = PlanStatus.Superseded);
            }
        });
    }

    private static async Task<Plan> SubmittedPlanAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var caseId = CaseSteps.CaseId(context);
        return await CaseSteps.ReadAsync(context, db => db.Plans.AsNoTracking()
                   .Where(p => p.CaseId == caseId && p.Status == PlanStatus.Submitted)
                   .OrderByDescending(p => p.Version)
                   .FirstOrDefaultAsync(cancellationToken), cancellationToken)
               ?? throw new ConflictException("There is no submitted plan to establish; the officer must draft one first.");
    }
}
