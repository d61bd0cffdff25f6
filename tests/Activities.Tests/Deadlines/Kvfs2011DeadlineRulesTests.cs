using NodaTime;
using Verkstallighet.Activities.Deadlines;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Tests.Deadlines;

public sealed class Kvfs2011DeadlineRulesTests
{
    private static DeadlineRuleSeed Rule(string key) => Kvfs2011DeadlineRules.All.Single(r => r.Key == key);

    private static LocalDate Due(string key, LocalDate anchor)
    {
        var rule = Rule(key);
        Assert.True(IsoTime.TryParsePeriod(rule.Period, out var period));
        return DeadlineCalculator.DueDate(anchor, period, rule.MoveToNextWorkingDay);
    }

    [Fact]
    public void PlanEstablishment_IsOneMonthFromSupervisionStart_16Paragraph()
    {
        Assert.Contains("16 §", Rule(Kvfs2011DeadlineRules.PlanEstablishment).LegalReference);
        Assert.Equal(new LocalDate(2026, 2, 28), Due(Kvfs2011DeadlineRules.PlanEstablishment, new LocalDate(2026, 1, 31)));
    }

    [Fact]
    public void PrisonPlanFollowUp_ForConditionallyReleased_IsWithinTheSameMonth_16Paragraph()
    {
        Assert.Contains("16 §", Rule(Kvfs2011DeadlineRules.PrisonPlanFollowUp).LegalReference);
        Assert.Equal(new LocalDate(2026, 4, 30), Due(Kvfs2011DeadlineRules.PrisonPlanFollowUp, new LocalDate(2026, 3, 31)));
    }

    [Fact]
    public void FirstFollowUp_IsSixMonthsFromSupervisionStart_16Paragraph()
    {
        Assert.Contains("16 §", Rule(Kvfs2011DeadlineRules.FirstFollowUp).LegalReference);
        Assert.Equal(new LocalDate(2026, 7, 31), Due(Kvfs2011DeadlineRules.FirstFollowUp, new LocalDate(2026, 1, 31)));
        Assert.Equal(new LocalDate(2027, 2, 28), Due(Kvfs2011DeadlineRules.FirstFollowUp, new LocalDate(2026, 8, 31)));
    }

    [Fact]
    public void FollowUpAfterTransfer_IsFourWeeks_ThatIs28Days_16Paragraph()
    {
        Assert.Contains("16 §", Rule(Kvfs2011DeadlineRules.FollowUpAfterTransfer).LegalReference);
        Assert.Equal(new LocalDate(2026, 3, 31), Due(Kvfs2011DeadlineRules.FollowUpAfterTransfer, new LocalDate(2026, 3, 3)));
    }

    [Fact]
    public void ClientNotReached_LeadsToMisconductReviewAfterOneMonth_GeneralAdviceTo16Paragraph()
    {
        Assert.Contains("allmänna råd till 16 §", Rule(Kvfs2011DeadlineRules.ClientNotReached).LegalReference);
        Assert.Equal(new LocalDate(2026, 6, 15), Due(Kvfs2011DeadlineRules.ClientNotReached, new LocalDate(2026, 5, 15)));
    }

    [Fact]
    public void CommunityService_StartsWithinEightWeeksOfTheJudgmentBeingEnforceable_GeneralAdviceTo3And4Paragraphs()
    {
        Assert.Contains("3 och 4 §§", Rule(Kvfs2011DeadlineRules.CommunityServiceStart).LegalReference);
        Assert.Equal(new LocalDate(2026, 3, 26), Due(Kvfs2011DeadlineRules.CommunityServiceStart, new LocalDate(2026, 1, 29)));
    }

    [Fact]
    public void EveryShippedRule_IsInForceFromTheRegulationsStart_AndHasADatePeriod()
    {
        Assert.All(Kvfs2011DeadlineRules.All, rule =>
        {
            Assert.Equal(new LocalDate(2011, 4, 1), rule.EffectiveFrom);
            Assert.StartsWith("KVFS 2011:5", rule.LegalReference);
            Assert.True(IsoTime.TryParsePeriod(rule.Period, out var period) && !period.HasTimeComponent);
        });
        Assert.Equal(Kvfs2011DeadlineRules.All.Count, Kvfs2011DeadlineRules.All.Select(r => r.Key).Distinct().Count());
    }
}
