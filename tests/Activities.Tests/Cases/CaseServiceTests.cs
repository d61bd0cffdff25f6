using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Tests.Cases;

public sealed class CaseServiceTests
{
    private static readonly LocalDate Today = new(2026, 1, 31);

    private static IReadOnlyList<string> Problems(CreateCaseRequest request) =>
        CaseService.Validate(request, Today, out _).All.Select(p => p.Field).ToList();

    [Fact]
    public void Supervision_NeedsItsStartAndEnd_16Paragraph()
    {
        var fields = Problems(new CreateCaseRequest("Kim", "19850315-2384", null, Sanction.Skyddstillsyn, null, null, null, null, null));

        Assert.Equal(["supervisionStart", "supervisionEnd"], fields);
        Assert.Contains("supervisionEnd", Problems(new("Kim", "19850315-2384", null, Sanction.Skyddstillsyn, null, Today, Today, null, null)));
    }

    [Fact]
    public void ConditionalRelease_NeedsTheReleaseDate()
    {
        Assert.Equal(["releaseDate"], Problems(new("Kim", "19850315-2384", null, Sanction.VillkorligFrigivning, null, Today, Today.PlusYears(1), null, null)));
    }

    [Fact]
    public void CommunityService_NeedsTheDayTheJudgmentBecameEnforceableAndItsHours_3Paragraph()
    {
        Assert.Equal(["judgmentEnforceable", "communityServiceHours"], Problems(new("Kim", "19850315-2384", null, Sanction.VillkorligDom, null, null, null, null, 20)));
    }

    [Fact]
    public void DatesMoreThanFifteenYearsFromToday_AreReportedAsMistypedYears()
    {
        Assert.Equal(["supervisionStart", "supervisionEnd"], Problems(new("Kim", "19850315-2384", null, Sanction.Skyddstillsyn, null, new LocalDate(9999, 6, 1), new LocalDate(9999, 12, 31), null, null)));
        Assert.Equal(["judgmentEnforceable"], Problems(new("Kim", "19850315-2384", null, Sanction.VillkorligDom, new LocalDate(2010, 1, 30), null, null, null, 80)));
        Assert.Empty(Problems(new("Kim", "19850315-2384", null, Sanction.Skyddstillsyn, null, Today.PlusYears(-15), Today.PlusYears(15), null, null)));
    }

    [Fact]
    public void ClientNamePersonnummerAndSanction_AreRequired()
    {
        Assert.Equal(["clientName", "personnummer", "sanction"], Problems(new(" ", "123", null, null, null, null, null, null, null)));
    }

    [Fact]
    public async Task CreatingACase_StartsTheWorkflowOfItsSanction_AndLogsTheWrite()
    {
        await using var domain = await DomainEngine.StartAsync();

        var supervision = await domain.CreateCaseAsync(Sanction.Skyddstillsyn);
        var community = await domain.CreateCaseAsync(Sanction.VillkorligDom);

        var first = await domain.Cases.GetAsync(supervision, DomainEngine.Anna);
        Assert.Equal("19850315-****", first.Client.Personnummer);
        Assert.Equal("Assess", Assert.Single(first.OpenTasks).ElementId);
        Assert.Equal("StartService", Assert.Single((await domain.Cases.GetAsync(community, DomainEngine.Anna)).OpenTasks).ElementId);
        await using var db = await domain.DomainAsync();
        var log = await db.AccessLog.Where(a => a.CaseId == supervision).OrderBy(a => a.Id).Select(a => a.Kind + " " + a.What).ToListAsync();
        Assert.Equal(["Write case created (Supervision)", "Read case"], log);
    }

    [Fact]
    public async Task CreatingACase_GivesItsNumber_ToTheInstanceAndItsTasksAsBusinessKey_AndLabelsOnlyOwnOfficesCases()
    {
        await using var domain = await DomainEngine.StartAsync();
        var first = await domain.CreateCaseAsync();
        var second = await domain.CreateCaseAsync();

        await using var db = await domain.DomainAsync();
        var numbers = await db.Cases.OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.WorkflowInstanceId }).ToListAsync();
        await using var engineDb = domain.Engine.CreateDbContext();
        foreach (var c in numbers)
        {
            Assert.Equal(c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), (await engineDb.Instances.SingleAsync(i => i.Id == c.WorkflowInstanceId)).BusinessKey);
            Assert.All(await engineDb.Tasks.Where(t => t.InstanceId == c.WorkflowInstanceId).ToListAsync(), t => Assert.Equal(c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), t.BusinessKey));
        }

        Assert.Equal([first, second], numbers.Select(c => c.Id));
        Assert.Equal(numbers[0].Number + 1, numbers[1].Number);
        var labels = await domain.Cases.LabelsAsync([first, second, Guid.NewGuid()], DomainEngine.Anna);
        Assert.Equal(("Kim Karlsson", numbers[1].Number), (labels[second].ClientName, labels[second].Number));
        Assert.Equal(2, labels.Count);
        Assert.Empty(await domain.Cases.LabelsAsync([first, second], DomainEngine.Erik));
    }

    [Fact]
    public async Task OfficersReachOnlyTheirOwnOfficesCases_AndARefusalIsLogged()
    {
        await using var domain = await DomainEngine.StartAsync();
        var caseId = await domain.CreateCaseAsync();

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => domain.Cases.GetAsync(caseId, DomainEngine.Erik));
        var elsewhere = await Assert.ThrowsAsync<ForbiddenException>(() =>
            domain.Cases.CreateAsync(new CreateCaseRequest("Kim", "19850315-2384", "Göteborg", Sanction.Skyddstillsyn, null, new LocalDate(2026, 1, 31), new LocalDate(2027, 1, 30), null, null), DomainEngine.Anna));

        Assert.Contains("Stockholm City", refused.Message);
        Assert.Contains("Göteborg", elsewhere.Message);
        Assert.Empty(await domain.Cases.ListAsync(DomainEngine.Erik));
        Assert.Single(await domain.Cases.ListAsync(DomainEngine.Anna));
        await using var db = await domain.DomainAsync();
        Assert.True(await db.AccessLog.AnyAsync(a => a.CaseId == caseId && a.Kind == AccessKinds.Denied && a.UserId == "erik"));
    }

    [Fact]
    public async Task CaseWithAnInvalidPersonnummer_IsRefused_AndNothingIsStored()
    {
        await using var domain = await DomainEngine.StartAsync();

        var refused = await Assert.ThrowsAsync<FormInvalidException>(() => domain.Cases.CreateAsync(
            new CreateCaseRequest("Kim", "19850315-2385", null, Sanction.Skyddstillsyn, null, new LocalDate(2026, 1, 31), new LocalDate(2027, 1, 30), null, null), DomainEngine.Anna));

        Assert.Equal("personnummer", Assert.Single(refused.Problems).Field);
        await using var db = await domain.DomainAsync();
        Assert.Empty(await db.Cases.ToListAsync());
        await using var engineDb = domain.Engine.CreateDbContext();
        Assert.Empty(await engineDb.Instances.ToListAsync());
    }

    [Fact]
    public async Task ThePersonnummer_IsNeverInTheWorkflowsVariablesOrJournal()
    {
        await using var domain = await DomainEngine.StartAsync();
        var caseId = await domain.CreateCaseAsync();
        await domain.EstablishPlanAsync(caseId);

        await using var db = domain.Engine.CreateDbContext();
        var texts = await db.Instances.Select(i => i.Variables).ToListAsync();
        texts.AddRange(await db.Instances.Select(i => i.State).ToListAsync());
        texts.AddRange(await db.Journal.Where(j => j.Data != null).Select(j => j.Data!).ToListAsync());
        texts.AddRange(await db.Tasks.Where(t => t.Data != null).Select(t => t.Data!).ToListAsync());
        Assert.DoesNotContain(texts, t => t.Contains("8503152384") || t.Contains("850315-2384"));
    }
}
