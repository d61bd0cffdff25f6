using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Tests.Support;

namespace Verkstallighet.Activities.Tests.Transfers;

public sealed class TransferCaseActivityTests : IAsyncLifetime
{
    private DomainEngine domain = null!;
    private Guid caseId;

    public async Task InitializeAsync()
    {
        domain = await DomainEngine.StartAsync();
        caseId = await domain.CreateCaseAsync();
    }

    public async Task DisposeAsync() => await domain.DisposeAsync();

    private async Task ReachTransferAsync(string @event)
    {
        await domain.Cases.PostEventAsync(caseId, new CaseEventRequest(@event, null), DomainEngine.Anna);
        var before = @event == "TransferRequested" ? "FollowUpBeforeTransfer" : "FollowUpBeforeAbroad";
        Assert.Equal("BeforeTransfer", (await domain.TaskAsync(caseId, before)).ActivityType == "FollowUp" ? "BeforeTransfer" : "");
        await domain.CompleteAsync(caseId, before, new { decision = "PlanStands" });
    }

    [Fact]
    public async Task FollowUp_ComesBeforeTheTransfer_AndTheTargetMustBeAnotherOffice_16Paragraph()
    {
        await ReachTransferAsync("TransferRequested");

        var same = await domain.RefusedAsync(caseId, "Transfer", new { targetOffice = "Stockholm City", transferDate = "2026-04-01" });
        var both = await domain.RefusedAsync(caseId, "Transfer", new { targetOffice = "Malmö", targetCountry = "Norge", transferDate = "2026-04-01" });
        var abroadHere = await domain.RefusedAsync(caseId, "Transfer", new { targetCountry = "Norge", transferDate = "2026-04-01" });
        var outside = await domain.RefusedAsync(caseId, "Transfer", new { targetOffice = "Malmö", transferDate = "2027-06-01" });

        Assert.Equal("targetOffice", Assert.Single(same.Problems).Field);
        Assert.Equal("targetOffice", Assert.Single(both.Problems).Field);
        Assert.Equal("targetOffice", Assert.Single(abroadHere.Problems).Field);
        Assert.Equal("transferDate", Assert.Single(outside.Problems).Field);
    }

    [Fact]
    public async Task DomesticTransfer_MovesTheCaseAndItsOpenWork_AndTheReceivingOfficeFollowsUp_16Paragraph()
    {
        await ReachTransferAsync("TransferRequested");

        await domain.CompleteAsync(caseId, "Transfer", new { targetOffice = "Göteborg", transferDate = "2026-04-01" });

        var after = await domain.TaskAsync(caseId, "FollowUpAfterTransfer");
        Assert.Equal(("Göteborg", new NodaTime.LocalDate(2026, 4, 29)), (after.Office, after.DueDate));
        Assert.Equal("Göteborg", (await domain.TaskAsync(caseId, "Assess")).Office);
        var instance = await domain.Engine.InstanceAsync(after.InstanceId);
        Assert.Equal("Göteborg", instance.Office);
        Assert.Equal("Göteborg", (string?)(await domain.Engine.VariablesAsync(after.InstanceId))["office"]);
        await using var db = await domain.DomainAsync();
        var @case = await db.Cases.SingleAsync();
        Assert.Equal(("Göteborg", CaseStatus.Active), (@case.Office, @case.Status));
        Assert.Equal("Stockholm City", (await db.Transfers.SingleAsync()).FromOffice);
        Assert.NotNull(await domain.Cases.GetAsync(caseId, DomainEngine.Erik));
    }

    [Fact]
    public async Task TransferAbroad_FollowsUpBefore_AndEndsTheCaseHere_16Paragraph()
    {
        await ReachTransferAsync("TransferAbroadRequested");

        await domain.CompleteAsync(caseId, "TransferAbroad", new { targetCountry = "Norge", transferDate = "2026-04-01" });

        await using var db = await domain.DomainAsync();
        Assert.Equal(CaseStatus.TransferredAbroad, (await db.Cases.SingleAsync()).Status);
        var details = await domain.Cases.GetAsync(caseId, DomainEngine.Anna);
        Assert.Empty(details.OpenTasks);
        Assert.Equal(Verkstallighet.Workflows.Runtime.InstanceStatus.Completed, (await domain.Engine.InstanceAsync(details.WorkflowInstanceId!.Value)).Status);
    }
}
