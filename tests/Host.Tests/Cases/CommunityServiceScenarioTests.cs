using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Cases;

/// <summary>A community-service case (villkorlig dom) through the HTTP API, on the simulated clock starting 2026-01-31.</summary>
public sealed class CommunityServiceScenarioTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task ServiceNotStartedWithinEightWeeksOfTheEnforceableJudgment_IsEscalatedToAChief_GeneralAdviceTo3Paragraph()
    {
        // Enforceable 31 January; eight weeks (56 days) later is 28 March, the last day the start is in time.
        var caseId = await cases.CreateCaseAsync(sanction: "VillkorligDom", start: "2026-01-31");
        var deadline = await cases.DeadlineAsync(caseId, "CommunityServiceStart");
        Assert.Equal(("2026-03-28", "Pending", "judgmentEnforceable"), ((string?)deadline["dueDate"], (string?)deadline["status"], (string?)deadline["anchorVariable"]));
        Assert.Equal("2026-03-28", (string?)(await cases.TaskAsync(caseId, "StartService"))["dueDate"]);

        await cases.AdvanceAsync("2026-03-28T23:59:00+01:00");
        Assert.False(await cases.HasTaskAsync(caseId, "EscalateStart"));
        Assert.Equal("Pending", (string?)(await cases.DeadlineAsync(caseId, "CommunityServiceStart"))["status"]);

        await cases.AdvanceAsync("2026-03-29");
        var escalation = await cases.TaskAsync(caseId, "EscalateStart");
        Assert.Equal(("Chief", "Stockholm City"), ((string?)escalation["candidateRole"], (string?)escalation["office"]));
        Assert.Equal("Overdue", (string?)(await cases.DeadlineAsync(caseId, "CommunityServiceStart"))["status"]);
        Assert.True(await cases.HasTaskAsync(caseId, "StartService"), "The escalation does not interrupt the start itself.");
    }

    [Fact]
    public async Task ServiceStartedInTime_MeetsTheDeadline_AndNothingEscalates_GeneralAdviceTo3Paragraph()
    {
        var caseId = await cases.CreateCaseAsync(sanction: "VillkorligDom", start: "2026-01-31");

        await cases.AdvanceAsync("2026-03-28");
        await cases.DoAsync(caseId, "StartService", new { });
        await cases.AdvanceAsync("2026-03-30");

        Assert.Equal("Met", (string?)(await cases.DeadlineAsync(caseId, "CommunityServiceStart"))["status"]);
        Assert.False(await cases.HasTaskAsync(caseId, "EscalateStart"));
        Assert.True(await cases.HasTaskAsync(caseId, "Completed"));
    }
}
