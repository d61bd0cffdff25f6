using System.Net;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Cases;

public sealed class CaseApiTests
{
    [Fact]
    public async Task CaseWithInvalidData_Gets400WithAFieldErrorForEachProblem()
    {
        await using var cases = await CaseHost.StartAsync();

        var response = await cases.Host.As("anna").PostJsonAsync("/api/cases", new { clientName = "Kim", personnummer = "19850315-2385", sanction = "Skyddstillsyn", supervisionStart = "2026-01-31" });
        var wrongType = await cases.Host.As("anna").PostJsonAsync("/api/cases", new { clientName = "Kim", sanction = "Fängelse" });

        var errors = (await response.ProblemAsync(400))["errors"]!.AsObject();
        Assert.Equal(["personnummer", "supervisionEnd"], errors.Select(e => e.Key).Order());
        await wrongType.ProblemAsync(400);
    }

    [Fact]
    public async Task CaseIsShownWithItsPersonnummerMasked_InTheListAndTheCase()
    {
        await using var cases = await CaseHost.StartAsync();
        var caseId = await cases.CreateCaseAsync();

        var list = await (await cases.Host.As("anna").GetAsync("/api/cases")).Content.ReadAsStringAsync();
        var details = await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}")).Content.ReadAsStringAsync();

        Assert.Contains("19850315-****", list);
        Assert.Contains("19850315-****", details);
        Assert.DoesNotContain("2384", list + details);
    }

    [Fact]
    public async Task CasesOfAnotherOffice_AndOtherRoles_AreRefusedWithAReason_AndEveryAccessIsLogged()
    {
        await using var cases = await CaseHost.StartAsync();
        var caseId = await cases.CreateCaseAsync();

        var erik = await cases.Host.As("erik").GetAsync($"/api/cases/{caseId}");
        var owner = await cases.Host.As("cecilia").GetAsync($"/api/cases/{caseId}");
        var erikEvent = await cases.EventAsync(caseId, "ClientNotReached", user: "erik");
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans")).OkJsonAsync();

        Assert.Contains("Stockholm City", (string)(await erik.ProblemAsync(403))["detail"]!);
        Assert.Contains("officers and chiefs", (string)(await owner.ProblemAsync(403))["detail"]!);
        await erikEvent.ProblemAsync(403);
        var log = await cases.AccessLogAsync(caseId);
        Assert.Equal(
            ["anna Write case created (Supervision)", "erik Denied case", "cecilia Denied case", "erik Denied event ClientNotReached", "anna Read case", "anna Write risk assessment", "anna Write task Assess completed", "anna Read plans"],
            log);
    }

    [Fact]
    public async Task EventNobodyWaitsFor_IsAConflict_AndAnUnknownCaseIsNotFound()
    {
        await using var cases = await CaseHost.StartAsync();
        var caseId = await cases.CreateCaseAsync();

        await (await cases.EventAsync(caseId, "SomethingElse")).ProblemAsync(409);
        await (await cases.EventAsync(caseId, "not a name!")).ProblemAsync(400);
        await (await cases.Host.As("anna").GetAsync($"/api/cases/{Guid.NewGuid()}")).ProblemAsync(404);
    }

    [Fact]
    public async Task CompletedProgramme_LeadsToANewRiskAssessment_13Paragraph()
    {
        await using var cases = await CaseHost.StartAsync();
        var caseId = await cases.CreateCaseAsync();

        await (await cases.EventAsync(caseId, "ProgrammeCompleted")).OkJsonAsync();

        Assert.Equal("RiskAssessment", (string?)(await cases.TaskAsync(caseId, "ReassessAfterProgramme"))["activityType"]);
    }

    [Fact]
    public async Task SupervisionEnding_IsFollowedUpBeforeItEnds_ThenTheCaseIsClosed_16Paragraph()
    {
        await using var cases = await CaseHost.StartAsync();
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);

        await (await cases.EventAsync(caseId, "SupervisionEnding")).OkJsonAsync();
        Assert.False(await cases.HasTaskAsync(caseId, "FirstFollowUp"));
        var followUp = await cases.FollowUpAllAsync(caseId, "Genomförd");
        followUp["decision"] = "PlanStands";
        await cases.DoAsync(caseId, "EarlyEndFollowUp", followUp);

        var closed = await cases.CaseAsync(caseId);
        Assert.Equal("Closed", (string?)closed["client"]!["status"]);
        Assert.Empty(closed["openTasks"]!.AsArray());
    }

    [Fact]
    public async Task SupervisionRunningItsCourse_OpensTheEndFollowUpAMonthBefore_DueOnTheLastDay_16Paragraph()
    {
        await using var cases = await CaseHost.StartAsync();
        var caseId = await cases.CreateCaseAsync(start: "2026-01-31", end: "2026-09-30");
        await cases.EstablishPlanAsync(caseId);
        var followUp = await cases.FollowUpAllAsync(caseId);
        followUp["decision"] = "PlanStands";
        await cases.DoAsync(caseId, "FirstFollowUp", followUp);

        // A month before 30 September is 30 August; like every anchored timer it fires when that day is over.
        await cases.AdvanceAsync("2026-08-30T23:59:00+02:00");
        Assert.False(await cases.HasTaskAsync(caseId, "EndFollowUp"));
        await cases.AdvanceAsync("2026-08-31");
        var end = await cases.TaskAsync(caseId, "EndFollowUp");

        Assert.Equal("2026-09-30", (string?)end["dueDate"]);
    }

    [Fact]
    public async Task ThePersonnummer_IsNeverWrittenToTheLogs()
    {
        var logging = new CapturingLoggerFactory();
        await using var cases = await CaseHost.StartAsync(logging);
        var caseId = await cases.CreateCaseAsync();
        await cases.CaseAsync(caseId);
        await (await cases.Host.As("anna").PostJsonAsync("/api/cases", new { clientName = "Kim", personnummer = "19850315-2385", sanction = "Skyddstillsyn" })).ProblemAsync(400);

        Assert.NotEmpty(logging.Messages);
        Assert.DoesNotContain(logging.Messages, m => m.Contains("2384") || m.Contains("2385"));
    }
}
