using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Assessments;
using Verkstallighet.Activities.Tests.Support;

namespace Verkstallighet.Activities.Tests.Assessments;

public sealed class RiskAssessmentActivityTests : IAsyncLifetime
{
    private DomainEngine domain = null!;
    private Guid caseId;

    public async Task InitializeAsync()
    {
        domain = await DomainEngine.StartAsync();
        caseId = await domain.CreateCaseAsync();
    }

    public async Task DisposeAsync() => await domain.DisposeAsync();

    [Fact]
    public async Task RiskLevel_IsLowMediumOrHigh_13Paragraph()
    {
        Assert.Equal(["Låg", "Medel", "Hög"], Enum.GetNames<RiskLevel>());

        var refused = await domain.RefusedAsync(caseId, "Assess", new { riskLevel = "Mycket hög", factors = Array.Empty<object>(), riskManagementMeasures = "x", needs = "y" });

        Assert.Equal("riskLevel", Assert.Single(refused.Problems).Field);
    }

    [Fact]
    public async Task EveryRiskFactor_MustBeReviewedOnce_13Paragraph()
    {
        var twice = Enum.GetNames<RiskFactor>().Concat(["Associates"]).Select(f => new { factor = f, assessment = "Bedömd." });

        var refused = await domain.RefusedAsync(caseId, "Assess", new { riskLevel = "Låg", factors = twice, riskManagementMeasures = "x", needs = "y" });

        Assert.Contains("Associates", Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public async Task RiskManagementMeasuresAndNeeds_AreRequired_13Paragraph()
    {
        var refused = await domain.RefusedAsync(caseId, "Assess", new
        {
            riskLevel = "Låg",
            factors = Enum.GetNames<RiskFactor>().Select(f => new { factor = f, assessment = "Bedömd." }),
            riskManagementMeasures = "  ",
        });

        Assert.Equal(["needs", "riskManagementMeasures"], refused.Problems.Select(p => p.Field).Order());
        Assert.All(refused.Problems, p => Assert.Contains("13 §", p.Message));
    }

    [Fact]
    public async Task Assessment_IsStoredWithItsFactors_AndItsRiskLevelIsTheOutput()
    {
        await domain.CompleteAsync(caseId, "Assess", DomainEngine.Assessment());

        await using var db = await domain.DomainAsync();
        var stored = await db.RiskAssessments.SingleAsync();
        Assert.Equal((RiskLevel.Medel, AssessmentReason.Initial, 6, "anna"), (stored.RiskLevel, stored.Reason, stored.Factors.Count, stored.AssessedBy));
        var variables = await domain.Engine.VariablesAsync((await domain.Cases.GetAsync(caseId, DomainEngine.Anna)).WorkflowInstanceId!.Value);
        Assert.Equal("Medel", (string?)variables["riskLevel"]);
    }
}
