using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Plans;

/// <summary>
/// The officer drafts the verkställighetsplan with the client (11–15 §§): concrete, dated, followable measures, each with
/// who is responsible, and the client's participation. Submitting makes the next plan version, for a chief to establish.
/// </summary>
[Activity("DraftPlan", "Upprätta förslag till verkställighetsplan", Category = "Verkställighetsplanering",
    Description = "Planera tillsammans med klienten konkreta, tidsatta och uppföljningsbara åtgärder (14–15 §§).")]
public sealed class DraftPlanActivity : HumanActivity<DraftPlanActivity.Form>
{
    [Output("Planversion", DefaultVariable = "planVersion")]
    public int PlanVersion { get; set; }

    [Output("Upprättad av", DefaultVariable = "planDraftedBy")]
    public string? DraftedBy { get; set; }

    public sealed class Form
    {
        [Display(Name = "Klientens medverkan", Description = "Har klienten deltagit i planeringen (14 §)?")]
        [Required(ErrorMessage = "Ange om klienten har deltagit i planeringen (14 §).")]
        public ClientParticipation? ClientParticipation { get; init; }

        [Display(Name = "Skäl", Description = "Varför klienten inte deltog, eller inte kunde delta.")]
        [MaxLength(2000)]
        public string? ParticipationReason { get; init; }

        [Display(Name = "Åtgärder")]
        [Required(ErrorMessage = "Planen ska ha minst en åtgärd (15 §).")]
        public List<MeasureForm>? Measures { get; init; }
    }

    public sealed class MeasureForm
    {
        [Display(Name = "Beskrivning")]
        [Required(ErrorMessage = "Beskriv åtgärden konkret (15 §).")]
        [MaxLength(2000)]
        public string? Description { get; init; }

        [Display(Name = "Område")]
        [Required(ErrorMessage = "Ange åtgärdens område.")]
        public MeasureArea? Area { get; init; }

        [Display(Name = "Ansvarig")]
        [Required(ErrorMessage = "Ange vem som ansvarar för åtgärden (15 §).")]
        public ResponsibleParty? Responsible { get; init; }

        [Display(Name = "Annan myndighet", Description = "Myndighetens namn, när en annan myndighet ansvarar.")]
        [MaxLength(200)]
        public string? OtherAuthority { get; init; }

        [Display(Name = "Klar senast")]
        [Required(ErrorMessage = "Åtgärden ska vara tidsatt (15 §).")]
        public LocalDate? DueDate { get; init; }

        [Display(Name = "Uppföljning", Description = "Hur åtgärden följs upp.")]
        [Required(ErrorMessage = "Ange hur åtgärden ska följas upp (15 §).")]
        [MaxLength(1000)]
        public string? FollowUpMethod { get; init; }
    }

    protected override async Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        if (form.ClientParticipation is Plans.ClientParticipation.No or Plans.ClientParticipation.CouldNot && string.IsNullOrWhiteSpace(form.ParticipationReason))
        {
            problems.Add("participationReason", "Ange varför klienten inte deltog i planeringen (14 §).");
        }

        var measures = form.Measures!;
        if (measures.Count == 0)
        {
            problems.Add("measures", "Planen ska ha minst en åtgärd (15 §).");
            return;
        }

        var @case = await CaseSteps.LoadCaseAsync(context, cancellationToken);
        for (var i = 0; i < measures.Count; i++)
        {
            var measure = measures[i];
            if (string.IsNullOrWhiteSpace(measure.Description))
            {
                problems.Add($"measures[{i}].description", "Beskriv åtgärden konkret (15 §).");
            }

            if (string.IsNullOrWhiteSpace(measure.FollowUpMethod))
            {
                problems.Add($"measures[{i}].followUpMethod", "Ange hur åtgärden ska följas upp (15 §).");
            }

            if (measure.Responsible == ResponsibleParty.AnnanMyndighet && string.IsNullOrWhiteSpace(measure.OtherAuthority))
            {
                problems.Add($"measures[{i}].otherAuthority", "Ange vilken myndighet som ansvarar (15 §).");
            }

            if (measure.DueDate is { } due && (due < @case.SupervisionStart || due > @case.SupervisionEnd))
            {
                problems.Add($"measures[{i}].dueDate", $"Datumet ska ligga inom övervakningen, {@case.SupervisionStart:yyyy-MM-dd}–{@case.SupervisionEnd:yyyy-MM-dd} (15 §).");
            }
        }
    }

    protected override async Task CompleteAsync(Form form, HumanTaskContext context, CancellationToken cancellationToken)
    {
        var caseId = CaseSteps.CaseId(context);
        var latest = await CaseSteps.ReadAsync(context, db => db.Plans.Where(p => p.CaseId == caseId).MaxAsync(p => (int?)p.Version, cancellationToken), cancellationToken);
        var plan = new Plan
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Version = (latest ?? 0) + 1,
            Status = PlanStatus.Submitted,
            ClientParticipation = form.ClientParticipation!.Value,
            ParticipationReason = string.IsNullOrWhiteSpace(form.ParticipationReason) ? null : form.ParticipationReason.Trim(),
            Measures = form.Measures!.Select(m => new Measure(
                Guid.CreateVersion7(), m.Description!.Trim(), m.Area!.Value, m.Responsible!.Value,
                m.Responsible == ResponsibleParty.AnnanMyndighet ? m.OtherAuthority!.Trim() : null,
                m.DueDate!.Value, m.FollowUpMethod!.Trim())).ToList(),
            DraftedBy = context.Actor ?? "system",
            DraftedAt = context.Now,
        };
        PlanVersion = plan.Version;
        DraftedBy = plan.DraftedBy;
        CaseSteps.Save(context, $"plan version {plan.Version} drafted", db => db.Plans.Add(plan));
    }
}
