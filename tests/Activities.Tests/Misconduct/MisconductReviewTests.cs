using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Misconduct;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Tests.Misconduct;

public sealed class MisconductReviewTests
{
    [Fact]
    public void UnderSupervision_MisconductGoesToTheSupervisionBoardOrEndsInAWarning_GeneralAdviceTo4And16Paragraphs()
    {
        foreach (var sanction in new[] { Sanction.Skyddstillsyn, Sanction.VillkorligFrigivning })
        {
            Assert.Equal([MisconductOutcome.NoAction, MisconductOutcome.Warning, MisconductOutcome.ReportToSupervisionBoard], MisconductReview.AllowedFor(sanction));
        }
    }

    [Fact]
    public void UnderAConditionalSentence_MisconductIsReportedToTheProsecutor_GeneralAdviceTo3Paragraph()
    {
        Assert.Equal([MisconductOutcome.NoAction, MisconductOutcome.ReportToProsecutor], MisconductReview.AllowedFor(Sanction.VillkorligDom));
    }

    [Fact]
    public async Task ClientNotReachedForAMonth_LeadsAChiefToDecide_WithinWhatTheSanctionAllows_GeneralAdviceTo16Paragraph()
    {
        await using var domain = await DomainEngine.StartAsync(hangfire: true);
        var caseId = await domain.CreateCaseAsync(Sanction.VillkorligDom);
        await domain.Cases.PostEventAsync(caseId, new CaseEventRequest("ClientNotReached", null), DomainEngine.Anna);

        // Not reached since 31 January (the clock's today): the month is over when 28 February has ended.
        var timer = Assert.Single(await domain.Engine.PendingTimersAsync(), t => t.ElementId == "NotReachedForAMonth");
        Assert.Equal(new LocalDate(2026, 2, 28), timer.DueDate);
        await domain.AdvanceToAsync(new LocalDateTime(2026, 2, 28, 23, 59).InZoneStrictly(Stockholm.Zone).ToInstant());
        await Assert.ThrowsAsync<InvalidOperationException>(() => domain.TaskAsync(caseId, "MisconductReview"));
        await domain.AdvanceToAsync(new LocalDate(2026, 3, 1).AtStartOfDayInZone(Stockholm.Zone).ToInstant());

        var byOfficer = await Assert.ThrowsAsync<ForbiddenException>(() => domain.CompleteAsync(caseId, "MisconductReview", new { reasons = "x", outcome = "NoAction" }, DomainEngine.Anna));
        var board = await domain.RefusedAsync(caseId, "MisconductReview", new { reasons = "Har inte hörsammat två kallelser.", outcome = "ReportToSupervisionBoard" }, DomainEngine.Bertil);
        await domain.CompleteAsync(caseId, "MisconductReview", new { reasons = "Har inte hörsammat två kallelser.", outcome = "ReportToProsecutor" }, DomainEngine.Bertil);

        Assert.Contains("Chief", byOfficer.Message);
        Assert.Contains("VillkorligDom", Assert.Single(board.Problems).Message);
        await using var db = await domain.DomainAsync();
        var review = await db.MisconductReviews.SingleAsync();
        Assert.Equal((MisconductOutcome.ReportToProsecutor, "bertil"), (review.Outcome, review.DecidedBy));
        Assert.Equal("RiskAssessment", (await domain.TaskAsync(caseId, "ReassessAfterMisconduct")).ActivityType); // 13 §
    }
}
