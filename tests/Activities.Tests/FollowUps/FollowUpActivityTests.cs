using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.FollowUps;
using Verkstallighet.Activities.Tests.Support;

namespace Verkstallighet.Activities.Tests.FollowUps;

public sealed class FollowUpActivityTests : IAsyncLifetime
{
    private DomainEngine domain = null!;
    private Guid caseId;
    private Guid measureId;

    public async Task InitializeAsync()
    {
        domain = await DomainEngine.StartAsync();
        caseId = await domain.CreateCaseAsync();
        await domain.EstablishPlanAsync(caseId);
        measureId = (await domain.Cases.GetAsync(caseId, DomainEngine.Anna)).CurrentPlan!.Measures.Single().Id;
    }

    public async Task DisposeAsync() => await domain.DisposeAsync();

    private JsonObject Form(string decision, string status = "Pågår", string? note = "Enligt plan.") => new()
    {
        ["decision"] = decision,
        ["measures"] = new JsonArray(new JsonObject { ["measureId"] = measureId.ToString(), ["status"] = status, ["note"] = note }),
    };

    [Fact]
    public async Task EveryMeasureOfThePlan_MustBeFollowedUp_16Paragraph()
    {
        var refused = await domain.RefusedAsync(caseId, "FirstFollowUp", new { decision = "PlanStands" });

        Assert.Contains("16 §", Assert.Single(refused.Problems).Message);
    }

    [Fact]
    public async Task MeasureNotInThePlan_IsRefused()
    {
        var form = Form("PlanStands");
        form["measures"]!.AsArray().Add(new JsonObject { ["measureId"] = Guid.NewGuid().ToString(), ["status"] = "Genomförd" });

        var refused = await domain.RefusedAsync(caseId, "FirstFollowUp", form);

        Assert.Equal("measures[1].measureId", Assert.Single(refused.Problems).Field);
    }

    [Fact]
    public async Task MeasureStatuses_AreTheFourOfTheRegulation_AndADecisionIsRequired_16And17Paragraphs()
    {
        Assert.Equal(["Genomförd", "Pågår", "EjPåbörjad", "Avbruten"], Enum.GetNames<MeasureStatus>());
        var form = Form("PlanStands");
        form.Remove("decision");

        var refused = await domain.RefusedAsync(caseId, "FirstFollowUp", form);

        Assert.Contains("16–17 §§", Assert.Single(refused.Problems, p => p.Field == "decision").Message);
    }

    [Fact]
    public async Task DiscontinuedMeasure_NeedsANote_AndMeansThePlanChanges_17Paragraph()
    {
        var noNote = await domain.RefusedAsync(caseId, "FirstFollowUp", Form("PlanChanges", "Avbruten", null));
        var stands = await domain.RefusedAsync(caseId, "FirstFollowUp", Form("PlanStands", "Avbruten"));

        Assert.Equal("measures[0].note", Assert.Single(noNote.Problems).Field);
        Assert.Contains("17 §", Assert.Single(stands.Problems, p => p.Field == "decision").Message);
    }

    [Fact]
    public async Task NewRiskAssessment_LeadsToANewAssessmentAndAChangedPlan_13Paragraph()
    {
        await domain.CompleteAsync(caseId, "FirstFollowUp", Form("NewRiskAssessment"));

        var assess = await domain.TaskAsync(caseId, "Reassess");
        Assert.Equal("RiskAssessment", assess.ActivityType);
        await using var db = await domain.DomainAsync();
        var stored = await db.FollowUps.SingleAsync();
        Assert.Equal((FollowUpKind.Scheduled, FollowUpDecision.NewRiskAssessment, 1), (stored.Kind, stored.Decision, stored.PlanVersion));
    }
}
