using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Plans;

/// <summary>
/// A chief establishes (fastställer) the submitted plan at a kollegium, whose date and participants are recorded, or
/// returns it with a comment. The chief cannot be the one who drafted it. Establishing produces the client's copy (12 §).
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

        [Display(Name = "Kollegiets datum", Description = "Dagen då planen fastställdes vid kollegium. Krävs när planen fastställs.")]
        public LocalDate? KollegiumDate { get; init; }

        [Display(Name = "Deltagare i kollegiet", Description = "De som arbetar med klienten och deltog. Krävs när planen fastställs.")]
        [MaxLength(30, ErrorMessage = "Ange högst 30 deltagare.")]
        public List<string>? KollegiumParticipants { get; init; }
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

        if (form.Decision == PlanDecision.Establish)
        {
            ValidateKollegium(form, plan, Stockholm.DateOf(context.Now), problems);
        }
    }

    /// <summary>The plan is established at a kollegium of those who work with the client (12 §): when it met, and who took part.</summary>
    private static void ValidateKollegium(Form form, Plan plan, LocalDate today, FieldProblems problems)
    {
        if (form.KollegiumDate is not { } date)
        {
            problems.Add("kollegiumDate", "Ange datum för kollegiet där planen fastställdes (12 §).");
        }
        else if (date > today)
        {
            problems.Add("kollegiumDate", "Kollegiet kan inte ha hållits i framtiden; planen fastställs när kollegiet har hållits.");
        }
        else if (date < Stockholm.DateOf(plan.DraftedAt))
        {
            problems.Add("kollegiumDate", $"Kollegiet kan inte ha hållits innan planförslaget upprättades ({Stockholm.DateOf(plan.DraftedAt):yyyy-MM-dd}).");
        }

        var participants = form.KollegiumParticipants ?? [];
        if (participants.All(string.IsNullOrWhiteSpace))
        {
            problems.Add("kollegiumParticipants", "Ange vilka som deltog i kollegiet (12 §).");
        }

        for (var i = 0; i < participants.Count; i++)
        {
            if (participants[i] is { } name && name.Trim().Length > 200)
            {
                problems.Add($"kollegiumParticipants[{i}]", "Namnet får vara högst 200 tecken.");
            }
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
            plan.KollegiumDate = establish ? form.KollegiumDate : null;
            plan.KollegiumParticipants = establish
                ? form.KollegiumParticipants!.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList()
                : [];
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
