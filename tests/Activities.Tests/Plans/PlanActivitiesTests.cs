using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Tests.Plans;

public sealed class PlanActivitiesTests : IAsyncLifetime
{
    private DomainEngine domain = null!;
    private Guid caseId;

    public async Task InitializeAsync()
    {
        domain = await DomainEngine.StartAsync();
        caseId = await domain.CreateCaseAsync();
        await domain.CompleteAsync(caseId, "Assess", DomainEngine.Assessment());
    }

    public async Task DisposeAsync() => await domain.DisposeAsync();

    private Task<FormInvalidException> DraftRefused(object form) => domain.RefusedAsync(caseId, "PlanDraft", form);

    [Fact]
    public async Task PlanWithoutMeasures_IsRefused_15Paragraph()
    {
        var refused = await DraftRefused(new { clientParticipation = "Yes", measures = Array.Empty<object>() });

        Assert.Contains("15 §", Assert.Single(refused.Problems, p => p.Field == "measures").Message);
    }

    [Fact]
    public async Task ClientNotTakingPart_NeedsAReason_14Paragraph()
    {
        var refused = await DraftRefused(new { clientParticipation = "CouldNot", measures = new[] { DomainEngine.Measure() } });

        Assert.Contains("14 §", Assert.Single(refused.Problems, p => p.Field == "participationReason").Message);
    }

    [Fact]
    public async Task MeasureWithoutParticipationAnswer_IsRefused_14Paragraph()
    {
        var refused = await DraftRefused(new { measures = new[] { DomainEngine.Measure() } });

        Assert.Contains("14 §", Assert.Single(refused.Problems).Message);
    }

    [Theory]
    [InlineData("dueDate", "15 §")]
    [InlineData("followUpMethod", "15 §")]
    [InlineData("description", "15 §")]
    [InlineData("responsible", "15 §")]
    public async Task MeasureWithoutItsRequiredPart_IsRefusedOnThatField_15Paragraph(string field, string paragraph)
    {
        var measure = DomainEngine.Measure();
        measure.Remove(field);

        var refused = await DraftRefused(new JsonObject { ["clientParticipation"] = "Yes", ["measures"] = new JsonArray(measure) });

        Assert.Contains(paragraph, Assert.Single(refused.Problems, p => p.Field == $"measures[0].{field}").Message);
    }

    [Theory]
    [InlineData("2026-01-30")]
    [InlineData("2027-01-31")]
    public async Task MeasureDueOutsideTheSupervision_IsRefused_15Paragraph(string due)
    {
        var refused = await DraftRefused(new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure(due) } });

        Assert.Contains("15 §", Assert.Single(refused.Problems, p => p.Field == "measures[0].dueDate").Message);
    }

    [Fact]
    public async Task MeasureByAnotherAuthority_NamesIt_15Paragraph()
    {
        var measure = DomainEngine.Measure();
        measure["responsible"] = "AnnanMyndighet";

        var refused = await DraftRefused(new JsonObject { ["clientParticipation"] = "Yes", ["measures"] = new JsonArray(measure) });

        Assert.Contains("15 §", Assert.Single(refused.Problems, p => p.Field == "measures[0].otherAuthority").Message);
    }

    [Fact]
    public async Task EveryResponsibleParty_OfTheRegulation_CanBeNamed_15Paragraph()
    {
        Assert.Equal(
            ["Klienten", "Frivården", "Socialtjänsten", "HälsoOchSjukvården", "Arbetsförmedlingen", "Försäkringskassan", "AnnanMyndighet"],
            Enum.GetNames<ResponsibleParty>());
        var measures = Enum.GetNames<ResponsibleParty>().Select(party =>
        {
            var m = DomainEngine.Measure();
            m["responsible"] = party;
            m["otherAuthority"] = party == "AnnanMyndighet" ? "Kronofogden" : null;
            return (JsonNode)m;
        }).ToArray();

        await domain.CompleteAsync(caseId, "PlanDraft", new JsonObject { ["clientParticipation"] = "Yes", ["measures"] = new JsonArray(measures) });

        await using var db = await domain.DomainAsync();
        Assert.Equal(7, (await db.Plans.SingleAsync()).Measures.Count);
    }

    [Fact]
    public async Task OnlyAChiefWhoDidNotDraftThePlan_CanEstablishIt()
    {
        await domain.CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure() } }, DomainEngine.Bertil);

        var notChief = await Assert.ThrowsAsync<ForbiddenException>(() => domain.CompleteAsync(caseId, "PlanEstablish", DomainEngine.Establishment(), DomainEngine.Anna));
        var drafter = await Assert.ThrowsAsync<ForbiddenException>(() => domain.CompleteAsync(caseId, "PlanEstablish", DomainEngine.Establishment(), DomainEngine.Bertil));

        Assert.Contains("Chief", notChief.Message);
        Assert.Contains("another chief", drafter.Message);
    }

    [Fact]
    public async Task EstablishingAPlan_SupersedesTheEarlierOne_AndEveryVersionStaysReadable()
    {
        await domain.CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure() } });
        await domain.CompleteAsync(caseId, "PlanEstablish", new { decision = "Return", comment = "Mer konkret." }, DomainEngine.Bertil);
        await domain.CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure("2026-05-31") } });
        await domain.CompleteAsync(caseId, "PlanEstablish", DomainEngine.Establishment(), DomainEngine.Bertil);

        var plans = await domain.Cases.PlansAsync(caseId, DomainEngine.Anna);
        Assert.Equal([(1, PlanStatus.Returned), (2, PlanStatus.Established)], plans.Select(p => (p.Version, p.Status)));
        Assert.Equal("Mer konkret.", plans[0].ReturnComment);
    }

    [Fact]
    public async Task EstablishingAPlan_RecordsTheKollegiumsDateAndParticipants_12Paragraph()
    {
        await domain.CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure() } });

        await domain.CompleteAsync(caseId, "PlanEstablish", new
        {
            decision = "Establish",
            kollegiumDate = "2026-01-31",
            kollegiumParticipants = new[] { " Bertil Berg ", "", "Anna Andersson" },
        }, DomainEngine.Bertil);

        var plan = Assert.Single(await domain.Cases.PlansAsync(caseId, DomainEngine.Anna));
        Assert.Equal(PlanStatus.Established, plan.Status);
        Assert.Equal(new NodaTime.LocalDate(2026, 1, 31), plan.KollegiumDate);
        Assert.Equal(["Bertil Berg", "Anna Andersson"], plan.KollegiumParticipants);
    }

    [Fact]
    public async Task EstablishingAPlan_WithoutTheKollegiumsDateOrParticipants_IsRefusedOnThoseFields_12Paragraph()
    {
        await domain.CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure() } });

        var refused = await domain.RefusedAsync(caseId, "PlanEstablish", new { decision = "Establish", kollegiumParticipants = new[] { " " } }, DomainEngine.Bertil);

        Assert.Contains("12 §", Assert.Single(refused.Problems, p => p.Field == "kollegiumDate").Message);
        Assert.Contains("12 §", Assert.Single(refused.Problems, p => p.Field == "kollegiumParticipants").Message);
    }

    [Theory]
    [InlineData("2026-02-01", "framtiden")]
    [InlineData("2026-01-30", "innan planförslaget")]
    public async Task KollegiumDate_AfterTodayOrBeforeTheDraft_IsRefused_12Paragraph(string date, string reason)
    {
        await domain.CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure() } });

        var refused = await domain.RefusedAsync(caseId, "PlanEstablish", DomainEngine.Establishment(date), DomainEngine.Bertil);

        Assert.Contains(reason, Assert.Single(refused.Problems, p => p.Field == "kollegiumDate").Message);
    }

    [Fact]
    public async Task ReturningAPlan_NeedsNoKollegium_AndRecordsNone()
    {
        await domain.CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { DomainEngine.Measure() } });

        await domain.CompleteAsync(caseId, "PlanEstablish", new { decision = "Return", comment = "Åtgärderna behöver datum." }, DomainEngine.Bertil);

        var plan = Assert.Single(await domain.Cases.PlansAsync(caseId, DomainEngine.Anna));
        Assert.Equal((PlanStatus.Returned, (NodaTime.LocalDate?)null), (plan.Status, plan.KollegiumDate));
        Assert.Empty(plan.KollegiumParticipants!);
    }
}
