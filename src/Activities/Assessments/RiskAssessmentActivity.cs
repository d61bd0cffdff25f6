using System.ComponentModel.DataAnnotations;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Assessments;

/// <summary>
/// Risk- och behovsbedömning (KVFS 2011:5 13 §): the risk of reoffending as Låg, Medel or Hög, after reviewing the
/// factors most linked to it, with the risk-management measures and the needs it finds.
/// </summary>
[Activity("RiskAssessment", "Risk- och behovsbedömning", Category = "Verkställighetsplanering",
    Description = "Bedöm risken för återfall (låg, medel, hög) och behoven, efter genomgång av riskfaktorerna (13 §).")]
public sealed class RiskAssessmentActivity : HumanActivity<RiskAssessmentActivity.Form>
{
    [Input("Anledning", Description = "Första bedömningen, eller en förnyad efter program, misskötsamhet, uppföljning eller tillgodosedda behov.")]
    public AssessmentReason Reason { get; set; } = AssessmentReason.Initial;

    [Output("Risknivå", DefaultVariable = "riskLevel")]
    public RiskLevel RiskLevel { get; set; }

    public sealed class Form
    {
        [Display(Name = "Risknivå")]
        [Required(ErrorMessage = "Ange risknivå: Låg, Medel eller Hög (13 §).")]
        public RiskLevel? RiskLevel { get; init; }

        [Display(Name = "Genomgångna riskfaktorer", Description = "Varje faktor med en bedömning: kriminell historik, attityder till brott, familj, umgänge, utbildning och sysselsättning, missbruk.")]
        [Required(ErrorMessage = "Ange bedömningen av riskfaktorerna (13 §).")]
        public List<FactorForm>? Factors { get; init; }

        [Display(Name = "Riskhanteringsåtgärder")]
        [Required(ErrorMessage = "Ange vilka riskhanteringsåtgärder som är nödvändiga (13 §).")]
        [MaxLength(4000)]
        public string? RiskManagementMeasures { get; init; }

        [Display(Name = "Behovsbedömning")]
        [Required(ErrorMessage = "Ange vilka åtgärder som kan underlätta anpassningen i samhället (13 §).")]
        [MaxLength(4000)]
        public string? Needs { get; init; }
    }

    public sealed class FactorForm
    {
        [Display(Name = "Faktor")]
        [Required(ErrorMessage = "Ange faktorn.")]
        public RiskFactor? Factor { get; init; }

        [Display(Name = "Bedömning")]
        [Required(ErrorMessage = "Ange bedömningen av faktorn.")]
        [MaxLength(2000)]
        public string? Assessment { get; init; }
    }

    protected override Task ValidateAsync(Form form, HumanTaskContext context, FieldProblems problems, CancellationToken cancellationToken)
    {
        var factors = form.Factors!;
        foreach (var duplicate in factors.GroupBy(f => f.Factor).Where(g => g.Count() > 1))
        {
            problems.Add("factors", $"Faktorn {duplicate.Key} är angiven mer än en gång.");
        }

        foreach (var missing in Enum.GetValues<RiskFactor>().Where(f => factors.All(given => given.Factor != f)))
        {
            problems.Add("factors", $"Faktorn {missing} är inte bedömd; alla riskfaktorer ska gås igenom (13 §).");
        }

        for (var i = 0; i < factors.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(factors[i].Assessment))
            {
                problems.Add($"factors[{i}].assessment", "Bedömningen får inte vara tom.");
            }
        }

        if (string.IsNullOrWhiteSpace(form.RiskManagementMeasures))
        {
            problems.Add("riskManagementMeasures", "Ange vilka riskhanteringsåtgärder som är nödvändiga (13 §).");
        }

        if (string.IsNullOrWhiteSpace(form.Needs))
        {
            problems.Add("needs", "Ange behovsbedömningen (13 §).");
        }

        return Task.CompletedTask;
    }

    protected override Task CompleteAsync(Form form, HumanTaskContext context, CancellationToken cancellationToken)
    {
        RiskLevel = form.RiskLevel!.Value;
        var assessment = new RiskAssessment
        {
            Id = Guid.CreateVersion7(),
            CaseId = CaseSteps.CaseId(context),
            RiskLevel = RiskLevel,
            Reason = Reason,
            Factors = form.Factors!.Select(f => new ReviewedFactor(f.Factor!.Value, f.Assessment!.Trim())).ToList(),
            RiskManagementMeasures = form.RiskManagementMeasures!.Trim(),
            Needs = form.Needs!.Trim(),
            AssessedBy = context.Actor ?? "system",
            AssessedAt = context.Now,
        };
        CaseSteps.Save(context, "risk assessment", db => db.RiskAssessments.Add(assessment));
        return Task.CompletedTask;
    }
}
