using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Activities.Tests.Cases;

public sealed class CaseStepsTests
{
    [Fact]
    public async Task AnInstanceCarryingACasesIdAsItsCorrelation_CannotActOnThatCase()
    {
        await using var domain = await DomainEngine.StartAsync();
        var caseId = await domain.CreateCaseAsync(actor: DomainEngine.Anna);
        var impostor = await domain.Engine.Runtime.StartAsync(
            new StartInstance("Supervision", CorrelationId: caseId.ToString(),
                OwnedVariables: new JsonObject { ["conditionallyReleased"] = false, ["supervisionStart"] = "2026-01-31", ["supervisionEnd"] = "2027-01-30" }),
            DomainEngine.Erik);
        var task = Assert.Single(await domain.Engine.OpenTasksAsync(impostor.InstanceId));

        var refused = await Assert.ThrowsAsync<ConflictException>(() =>
            domain.Engine.Runtime.CompleteTaskAsync(task.Id, TestEngine.ToJson(DomainEngine.Assessment())!, DomainEngine.Erik));

        Assert.Contains("not the workflow of case", refused.Message);
        Assert.Equal([task.Id], (await domain.Engine.OpenTasksAsync(impostor.InstanceId)).Select(t => t.Id)); // the step was rolled back
        await using var db = await domain.DomainAsync();
        Assert.False(await db.RiskAssessments.AnyAsync(r => r.CaseId == caseId));
    }
}
