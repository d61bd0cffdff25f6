using NodaTime;
using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Workflows.Tests.Deadlines;

/// <summary>The reminder day of a deadline, and the threshold the reminders' query selects with.</summary>
public sealed class DeadlineReminderTests
{
    [Fact]
    public void DueSoon_FromTheReminderDayThroughTheDueDate_NotBefore_NotAfter()
    {
        var due = new LocalDate(2026, 3, 10);
        var week = Period.FromWeeks(1);

        Assert.False(DeadlineReminder.IsDueSoon(due, week, new LocalDate(2026, 3, 2)));
        Assert.True(DeadlineReminder.IsDueSoon(due, week, new LocalDate(2026, 3, 3)));
        Assert.True(DeadlineReminder.IsDueSoon(due, week, due));
        Assert.False(DeadlineReminder.IsDueSoon(due, week, new LocalDate(2026, 3, 11))); // overdue now: the escalation's
    }

    [Fact]
    public void WithoutALeadTime_NothingIsEverDueSoon()
    {
        var due = new LocalDate(2026, 3, 10);
        Assert.False(DeadlineReminder.IsDueSoon(due, null, due));
        Assert.False(DeadlineReminder.IsDueSoon(due, null, due.PlusDays(-1)));
    }

    [Fact]
    public void ReminderDay_TruncatesAtMonthEnd_Lag1930_173_1Paragraph()
    {
        Assert.Equal(new LocalDate(2026, 2, 28), DeadlineReminder.RemindOn(new LocalDate(2026, 3, 31), Period.FromMonths(1)));
    }

    [Theory]
    [InlineData("P1W")]
    [InlineData("P1M")]
    [InlineData("P1M1D")]
    [InlineData("P2M")]
    [InlineData("P0D")]
    public void LatestDueDateRemindedBy_IsExactlyTheThresholdOfTheReminderDay_OverTwoYearsOfDays(string lead)
    {
        var leadTime = Verkstallighet.Workflows.Time.IsoTime.ParseStoredPeriod(lead);
        for (var today = new LocalDate(2026, 1, 1); today < new LocalDate(2028, 1, 1); today = today.PlusDays(1))
        {
            var latest = DeadlineReminder.LatestDueDateRemindedBy(today, leadTime);
            Assert.True(DeadlineReminder.RemindOn(latest, leadTime) <= today, $"{lead} on {today}: {latest} is not reminded yet");
            Assert.True(DeadlineReminder.RemindOn(latest.PlusDays(1), leadTime) > today, $"{lead} on {today}: {latest.PlusDays(1)} is reminded too");
        }
    }
}
