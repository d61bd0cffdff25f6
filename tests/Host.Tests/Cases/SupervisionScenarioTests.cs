using System.Text.Json.Nodes;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Cases;

/// <summary>A supervision case through the HTTP API, on the simulated clock starting 2026-01-31 (KVFS 2011:5 16 §).</summary>
public sealed class SupervisionScenarioTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task PlanIsDueOneMonthAfterSupervisionStarts_AndTheChiefIsEscalatedToTheDayAfter_16Paragraph()
    {
        var caseId = await cases.CreateCaseAsync(start: "2026-01-31");
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());

        var draft = await cases.TaskAsync(caseId, "PlanDraft");
        Assert.Equal("2026-02-28", (string?)draft["dueDate"]);
        var deadline = await cases.DeadlineAsync(caseId, "PlanEstablishment");
        Assert.Equal(("2026-02-28", "Pending", "supervisionStart", "2026-01-31"), ((string?)deadline["dueDate"], (string?)deadline["status"], (string?)deadline["anchorVariable"], (string?)deadline["anchorDate"]));
        Assert.Contains("16 §", (string?)deadline["legalReference"]);

        await cases.AdvanceAsync("2026-02-28T23:59:00+01:00");
        Assert.False(await cases.HasTaskAsync(caseId, "EscalatePlan"));

        await cases.AdvanceAsync("2026-03-01");
        var escalation = await cases.TaskAsync(caseId, "EscalatePlan");
        Assert.Equal(("Chief", "Stockholm City"), ((string?)escalation["candidateRole"], (string?)escalation["office"]));
        Assert.Contains((await (await cases.Host.As("bertil").GetAsync("/api/tasks?role=Chief")).OkJsonAsync()).AsArray(), t => (string?)t!["id"] == (string?)escalation["id"]);
        Assert.Equal("Overdue", (string?)(await cases.DeadlineAsync(caseId, "PlanEstablishment"))["status"]);
        Assert.True(await cases.HasTaskAsync(caseId, "PlanDraft"), "The escalation does not interrupt the work in progress.");
    }

    [Fact]
    public async Task PlanEstablishedInTime_IsMet_AndTheFollowUpIsDueSixMonthsAfterTheStart_16Paragraph()
    {
        var caseId = await cases.CreateCaseAsync(start: "2026-01-31");
        await cases.EstablishPlanAsync(caseId);

        Assert.Equal("Met", (string?)(await cases.DeadlineAsync(caseId, "PlanEstablishment"))["status"]);
        var followUp = await cases.TaskAsync(caseId, "FirstFollowUp");
        Assert.Equal("2026-07-31", (string?)followUp["dueDate"]);
        Assert.Equal("2026-07-31", (string?)(await cases.DeadlineAsync(caseId, "FirstFollowUp"))["dueDate"]);
        var current = (await cases.CaseAsync(caseId))["currentPlan"]!;
        Assert.Equal((1, "Established", "bertil"), ((int)current["version"]!, (string?)current["status"], (string?)current["decidedBy"]));

        await cases.AdvanceAsync("2026-07-31T23:59:00+02:00");
        Assert.False(await cases.HasTaskAsync(caseId, "EscalateFirstFollowUp"));
        await cases.AdvanceAsync("2026-08-01");
        Assert.True(await cases.HasTaskAsync(caseId, "EscalateFirstFollowUp"));
    }

    [Fact]
    public async Task FollowUpThatChangesThePlan_MakesANewPlanVersion_AndTheEarlierStaysReadable_17Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);
        var followUp = await cases.FollowUpAllAsync(caseId, "Avbruten");

        followUp["decision"] = "PlanStands";
        var refused = await cases.CompleteAsync(caseId, "FirstFollowUp", followUp);
        Assert.Contains("17 §", (string)(await refused.ProblemAsync(400))["errors"]!["decision"]![0]!);

        followUp["decision"] = "PlanChanges";
        await cases.DoAsync(caseId, "FirstFollowUp", followUp);
        await cases.DoAsync(caseId, "ChangeDraft", CaseHost.Draft("2026-09-30"));
        await cases.DoAsync(caseId, "ChangeEstablish", CaseHost.Establishment(), "bertil");

        var plans = await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans")).OkJsonAsync();
        Assert.Equal(["Superseded", "Established"], plans.AsArray().Select(p => (string)p!["status"]!));
        Assert.Equal("2026-06-30", (string?)(await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/1")).OkJsonAsync())["measures"]![0]!["dueDate"]);
        Assert.Equal(2, (int)(await cases.CaseAsync(caseId))["currentPlan"]!["version"]!);
    }

    [Fact]
    public async Task Transfer_HasAFollowUpBefore_AndOneWithinFourWeeksAfter_AtTheReceivingOffice_16Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);
        await (await cases.EventAsync(caseId, "TransferRequested")).OkJsonAsync();

        var before = await cases.FollowUpAllAsync(caseId);
        before["decision"] = "PlanStands";
        await cases.DoAsync(caseId, "FollowUpBeforeTransfer", before);
        var toNowhere = await cases.CompleteAsync(caseId, "Transfer", new { transferDate = "2026-04-01" });
        await toNowhere.ProblemAsync(400);
        await cases.DoAsync(caseId, "Transfer", new { targetOffice = "Göteborg", transferDate = "2026-04-01" });

        // The case, and its open work, now belong to Göteborg.
        await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}")).ProblemAsync(403);
        var after = await cases.TaskAsync(caseId, "FollowUpAfterTransfer", "erik");
        Assert.Equal(("Göteborg", "2026-04-29"), ((string?)after["office"], (string?)after["dueDate"]));
        Assert.Equal("Göteborg", (string?)(await cases.TaskAsync(caseId, "FirstFollowUp", "erik"))["office"]);
        var deadline = (await cases.CaseAsync(caseId, "erik"))["deadlines"]!.AsArray().Single(d => (string?)d!["rule"] == "FollowUpAfterTransfer")!;
        Assert.Equal(("2026-04-29", "transferDate"), ((string?)deadline["dueDate"], (string?)deadline["anchorVariable"]));

        await cases.AdvanceAsync("2026-04-29T23:59:00+02:00");
        Assert.False(await cases.HasTaskAsync(caseId, "EscalateAfterTransfer", "erik"));
        await cases.AdvanceAsync("2026-04-30");
        Assert.Equal("Göteborg", (string?)(await cases.TaskAsync(caseId, "EscalateAfterTransfer", "erik"))["office"]);
    }

    [Fact]
    public async Task ClientNotReachedForAMonth_LeadsToAMisconductReview_AndAnyActionToANewAssessment_GeneralAdviceTo16Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);
        await (await cases.EventAsync(caseId, "ClientNotReached")).OkJsonAsync();

        await cases.AdvanceAsync("2026-02-28T23:59:00+01:00");
        Assert.False(await cases.HasTaskAsync(caseId, "MisconductReview"));
        await cases.AdvanceAsync("2026-03-01");
        var review = await cases.TaskAsync(caseId, "MisconductReview");
        Assert.Equal("Chief", (string?)review["candidateRole"]);

        var byOfficer = await cases.CompleteTaskAsync(caseId, "MisconductReview", new { reasons = "Uteblivit", outcome = "Warning" }, "anna", "anna");
        await byOfficer.ProblemAsync(403);
        var toProsecutor = await cases.CompleteAsync(caseId, "MisconductReview", new { reasons = "Uteblivit", outcome = "ReportToProsecutor" }, "bertil");
        Assert.Contains("Skyddstillsyn", (string)(await toProsecutor.ProblemAsync(400))["errors"]!["outcome"]![0]!);

        await cases.DoAsync(caseId, "MisconductReview", new { reasons = "Har inte hörsammat kallelser under en månad.", outcome = "ReportToSupervisionBoard" }, "bertil");
        Assert.True(await cases.HasTaskAsync(caseId, "ReassessAfterMisconduct"));
    }

    [Fact]
    public async Task ClientReachedAgainWithinTheMonth_EndsTheEpisodeWithoutAReview()
    {
        var caseId = await cases.CreateCaseAsync();
        await (await cases.EventAsync(caseId, "ClientNotReached")).OkJsonAsync();
        await (await cases.EventAsync(caseId, "ClientReached")).OkJsonAsync();

        await cases.AdvanceAsync("2026-03-05");

        Assert.False(await cases.HasTaskAsync(caseId, "MisconductReview"));
        await (await cases.EventAsync(caseId, "ClientReached")).ProblemAsync(409);
    }

    [Fact]
    public async Task Waiver_ByAChiefForSpecialReasons_StopsTheEscalation_16Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var deadline = await cases.DeadlineAsync(caseId, "PlanEstablishment");
        var url = $"/api/cases/{caseId}/deadlines/{(string)deadline["id"]!}/waive";

        Assert.Contains("chief", (string)(await (await cases.Host.As("anna").PostJsonAsync(url, new { reason = "Sjukhusvistelse" })).ProblemAsync(403))["detail"]!);
        await (await cases.Host.As("frida").PostJsonAsync(url, new { reason = "Sjukhusvistelse" })).ProblemAsync(403);
        await (await cases.Host.As("bertil").PostJsonAsync(url, new { reason = "" })).ProblemAsync(400);
        var waived = await (await cases.Host.As("bertil").PostJsonAsync(url, new { reason = "Klienten är inlagd på sjukhus och kan inte delta i planeringen." })).OkJsonAsync();

        Assert.Equal(("Waived", "bertil"), ((string?)waived["status"], (string?)waived["waivedBy"]));
        await cases.AdvanceAsync("2026-03-02");
        Assert.False(await cases.HasTaskAsync(caseId, "EscalatePlan"));
        Assert.Equal("Waived", (string?)(await cases.DeadlineAsync(caseId, "PlanEstablishment"))["status"]);
        Assert.Contains((await cases.CaseAsync(caseId))["journal"]!.AsArray(), j => (string?)j!["kind"] == "DeadlineWaived");
    }

    [Fact]
    public async Task Deadline_MovedByTheOfficesChief_MovesTaskAndEscalation_AndTheJournalSaysWhy_16Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var deadline = await cases.DeadlineAsync(caseId, "PlanEstablishment");
        var url = $"/api/cases/{caseId}/deadlines/{(string)deadline["id"]!}/adjust";

        await (await cases.Host.As("anna").PostJsonAsync(url, new { moveTo = "2026-03-16", reason = "Tolk saknas" })).ProblemAsync(403);
        await (await cases.Host.As("frida").PostJsonAsync(url, new { moveTo = "2026-03-16", reason = "Tolk saknas" })).ProblemAsync(403);
        var both = await (await cases.Host.As("bertil").PostJsonAsync(url, new { moveTo = "2026-03-16", fireNow = true, reason = "x" })).ProblemAsync(400);
        Assert.NotNull(both["errors"]!["moveTo"]);
        await (await cases.Host.As("bertil").PostJsonAsync(url, new { moveTo = "2026-03-16" })).ProblemAsync(400);
        Assert.NotNull((await (await cases.Host.As("bertil").PostJsonAsync(url, new { moveTo = "9999-12-31", reason = "x" })).ProblemAsync(400))["errors"]!["moveTo"]);
        await (await cases.Host.As("bertil").PostJsonAsync(url, new { moveTo = "2026-02-31", reason = "x" })).ProblemAsync(400);
        Assert.Equal("2026-02-28", (string?)(await cases.DeadlineAsync(caseId, "PlanEstablishment"))["dueDate"]);

        var moved = await (await cases.Host.As("bertil").PostJsonAsync(url, new { moveTo = "2026-03-16", reason = "Tolk saknas till planeringsmötet." })).OkJsonAsync();

        Assert.Equal(("2026-03-16", "Pending"), ((string?)moved["dueDate"], (string?)moved["status"]));
        Assert.Equal("2026-03-16", (string?)(await cases.TaskAsync(caseId, "PlanDraft"))["dueDate"]);
        var line = (await cases.CaseAsync(caseId))["journal"]!.AsArray().Single(j => (string?)j!["kind"] == "DeadlineMoved")!;
        Assert.Equal(("bertil", "2026-02-28", "2026-03-16", "Tolk saknas till planeringsmötet."),
            ((string?)line["actor"], (string?)line["data"]!["from"], (string?)line["data"]!["to"], (string?)line["data"]!["reason"]));
        await cases.AdvanceAsync("2026-03-16T12:00:00Z");
        Assert.False(await cases.HasTaskAsync(caseId, "EscalatePlan"));
        await cases.AdvanceAsync("2026-03-17T00:30:00Z");
        Assert.True(await cases.HasTaskAsync(caseId, "EscalatePlan", "bertil"));
    }

    [Fact]
    public async Task Deadline_FiredNowByAnAdministrator_EscalatesToTheChiefToday_Once_AndCannotBeFiredAgain()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var deadline = await cases.DeadlineAsync(caseId, "PlanEstablishment");
        var url = $"/api/cases/{caseId}/deadlines/{(string)deadline["id"]!}/adjust";

        var fired = await (await cases.Host.As("david").PostJsonAsync(url, new { fireNow = true, reason = "Klienten har avvikit; chefen ska ta ställning nu." })).OkJsonAsync();

        Assert.Equal("Overdue", (string?)fired["status"]);
        Assert.True(await cases.HasTaskAsync(caseId, "EscalatePlan", "bertil"));
        Assert.Contains((await cases.CaseAsync(caseId))["journal"]!.AsArray(), j => (string?)j!["kind"] == "DeadlineFiredNow" && (string?)j["actor"] == "david");
        await (await cases.Host.As("david").PostJsonAsync(url, new { fireNow = true, reason = "Igen" })).ProblemAsync(409);
        await cases.AdvanceAsync("2026-03-02");
        var firings = (await cases.CaseAsync(caseId))["journal"]!.AsArray()
            .Count(j => (string?)j!["kind"] == "TimerFired" && (string?)j["data"]!["timerId"] == (string?)deadline["id"]);
        Assert.Equal(1, firings);
    }

    [Fact]
    public async Task PlanDraftedAndEstablishedByTheSamePerson_IsRefused()
    {
        var caseId = await cases.CreateCaseAsync(user: "bertil");
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment(), "bertil");
        await cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft(), "bertil");

        var refused = await cases.CompleteAsync(caseId, "PlanEstablish", CaseHost.Establishment(), "bertil");

        Assert.Contains("another chief", (string)(await refused.ProblemAsync(403))["detail"]!);
        var byOfficer = await cases.CompleteTaskAsync(caseId, "PlanEstablish", CaseHost.Establishment(), "anna", "anna");
        await byOfficer.ProblemAsync(403);
        Assert.Equal("Submitted", (string?)(await cases.CaseAsync(caseId))["pendingPlan"]!["status"]);
    }

    [Fact]
    public async Task MeasureWithoutDueDateOrFollowUpMethod_IsRefusedWithFieldErrors_15Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());

        var response = await cases.CompleteAsync(caseId, "PlanDraft", new
        {
            clientParticipation = "Yes",
            measures = new object[] { new { description = "Delta i program", area = "Brottslighet", responsible = "Frivården" } },
        });

        var errors = (await response.ProblemAsync(400))["errors"]!.AsObject();
        Assert.Contains("15 §", (string)errors["measures[0].dueDate"]![0]!);
        Assert.Contains("15 §", (string)errors["measures[0].followUpMethod"]![0]!);
        Assert.Null((await cases.CaseAsync(caseId))["pendingPlan"]);
    }

    [Fact]
    public async Task ReturnedPlan_GoesBackToTheOfficer_WithTheChiefsComment()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft());

        await (await cases.CompleteAsync(caseId, "PlanEstablish", new { decision = "Return" }, "bertil")).ProblemAsync(400);
        await cases.DoAsync(caseId, "PlanEstablish", new { decision = "Return", comment = "Lägg till boende." }, "bertil");

        Assert.True(await cases.HasTaskAsync(caseId, "PlanDraft"));
        var plans = await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans")).OkJsonAsync();
        Assert.Equal("Lägg till boende.", (string?)plans[0]!["returnComment"]);
    }

    [Fact]
    public async Task EstablishedPlan_HasAPrintableClientsCopy_12Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);

        var copy = await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/1/copy");
        var html = await copy.Content.ReadAsStringAsync();

        Assert.Equal("text/html", copy.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Delta i programmet Återfallsprevention", html);
        Assert.Contains("2026-06-30", html);
        Assert.Contains("Fastställd 2026-01-31 av bertil vid kollegium 2026-01-31.", html);
        Assert.Contains("Kim Karlsson", html);
    }

    [Fact]
    public async Task ConditionallyReleasedClient_HasThePrisonPlanFollowedUpWithinAMonth_16Paragraph()
    {
        var caseId = await cases.CreateCaseAsync(sanction: "VillkorligFrigivning", start: "2026-01-31");

        var task = await cases.TaskAsync(caseId, "PrisonPlanFollowUp");
        Assert.Equal("2026-02-28", (string?)task["dueDate"]);
        await cases.DoAsync(caseId, "PrisonPlanFollowUp", new { decision = "PlanStands", notes = "Anstaltsplanen gäller." });
        Assert.True(await cases.HasTaskAsync(caseId, "FirstFollowUp"));
    }

    [Fact]
    public async Task RiskAssessment_MustReviewEveryFactor_13Paragraph()
    {
        var caseId = await cases.CreateCaseAsync();

        var response = await cases.CompleteAsync(caseId, "Assess", new
        {
            riskLevel = "Hög",
            factors = new[] { new { factor = "CriminalHistory", assessment = "Tidigare dömd." } },
            riskManagementMeasures = "Täta besök.",
            needs = "Boende.",
        });

        var errors = (await response.ProblemAsync(400))["errors"]!["factors"]!.AsArray();
        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.Contains("13 §", (string)e!));
    }
}
