using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Notifications;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Scheduling;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Notifications;

/// <summary>
/// The reminders a rule's lead time makes. The clock starts on 31 January 2026; supervision starts on 10 February, so
/// the plan follow-up of KVFS 2011:5 16 § (TestReminder: P1M, reminder P1W) is due on 10 March, reminded on 3 March.
/// </summary>
public sealed class DeadlineRemindersTests
{
    private static readonly LocalDate DueDate = new(2026, 3, 10);
    private static readonly LocalDate ReminderDay = new(2026, 3, 3);

    [Fact]
    public async Task OnTheReminderDay_AnUnclaimedTasksReminder_GoesToItsOfficesQueue_NamingCaseTaskDueDateAndRule_16Paragraph()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartAsync(engine);

        MoveTo(engine, ReminderDay.PlusDays(-1));
        Assert.Equal(0, await Reminders(engine).CreateDueAsync());
        MoveTo(engine, ReminderDay);
        Assert.Equal(1, await Reminders(engine).CreateDueAsync());

        var task = await engine.OpenTaskAsync(instanceId, "Draft");
        var reminder = Assert.Single(await NotificationsAsync(engine));
        Assert.Equal((NotificationRecipientKind.Office, "Stockholm", "Officer"), (reminder.RecipientKind, reminder.Recipient, reminder.CandidateRole));
        Assert.Equal((task.Id, task.Title, "Ärende 1", DueDate), (reminder.TaskId, reminder.TaskTitle, reminder.BusinessKey, reminder.DueDate));
        Assert.Equal(("TestReminder", 1, "KVFS 2011:5 16 §"), (reminder.DeadlineRuleKey, reminder.DeadlineRuleVersion, reminder.LegalReference));
        Assert.Equal(Assert.Single(await engine.PendingTimersAsync(instanceId)).Id, reminder.TimerId);
        Assert.Null(reminder.ReadAt);
    }

    [Fact]
    public async Task AClaimedTasksReminder_GoesToItsAssignee_16Paragraph()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartAsync(engine);
        await engine.Inbox.ClaimAsync((await engine.OpenTaskAsync(instanceId, "Draft")).Id, Actors.OtherOfficer, expectedVersion: null);

        MoveTo(engine, ReminderDay);
        await Reminders(engine).CreateDueAsync();

        var reminder = Assert.Single(await NotificationsAsync(engine));
        Assert.Equal((NotificationRecipientKind.User, "olle"), (reminder.RecipientKind, reminder.Recipient));
    }

    [Fact]
    public async Task RunTwice_AndByTwoEnginesAtOnce_MakesOneReminder()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var other = await TestEngine.StartAsync(connectionString: engine.ConnectionString);
        await StartAsync(engine);
        MoveTo(engine, ReminderDay);
        MoveTo(other, ReminderDay);

        var made = await Task.WhenAll(Reminders(engine).CreateDueAsync(), Reminders(other).CreateDueAsync());
        Assert.Equal(1, made.Sum());
        Assert.Equal(0, await Reminders(engine).CreateDueAsync());
        MoveTo(engine, ReminderDay.PlusDays(2));
        Assert.Equal(0, await Reminders(engine).CreateDueAsync());
        Assert.Single(await NotificationsAsync(engine));
    }

    [Fact]
    public async Task AMetDeadline_GetsNoReminder_16Paragraph()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartAsync(engine);
        await engine.CompleteAsync(await engine.OpenTaskAsync(instanceId, "Draft"));

        MoveTo(engine, ReminderDay);
        Assert.Equal(0, await Reminders(engine).CreateDueAsync());
        Assert.Empty(await NotificationsAsync(engine));
    }

    [Fact]
    public async Task AWaivedDeadline_GetsNoReminder_ThoughItsTaskStaysOpen_16Paragraph()
    {
        await using var engine = await TestEngine.StartAsync();
        var instanceId = await StartAsync(engine);
        await engine.Runtime.WaiveTimerAsync(Assert.Single(await engine.PendingTimersAsync(instanceId)).Id, "Särskilda skäl", Actors.Chief);

        MoveTo(engine, ReminderDay);
        Assert.Equal(0, await Reminders(engine).CreateDueAsync());
        Assert.Single(await engine.OpenTasksAsync(instanceId));
        Assert.Empty(await NotificationsAsync(engine));
    }

    [Fact]
    public async Task ARuleWithoutALeadTime_MakesNoReminder_AndAnOverdueDeadlineIsTheEscalationsAlone()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" });
        var late = await StartAsync(engine);
        MoveTo(engine, DueDate.PlusDays(1)); // both overdue; neither timer fired yet

        Assert.Equal(0, await Reminders(engine).CreateDueAsync());
        Assert.Empty(await NotificationsAsync(engine));

        await engine.FireNextAsync(late, "Overdue");
        Assert.Contains(await engine.OpenTasksAsync(late), t => t.ElementId == "Escalate");
    }

    [Fact]
    public async Task AClockAdvanceToTheReminderDay_MakesTheReminder()
    {
        await using var engine = await TestEngine.StartAsync();
        await StartAsync(engine);

        var result = await engine.Services.GetRequiredService<ClockAdvance>().ToAsync(Stockholm.StartOf(ReminderDay));

        Assert.Equal(1, result.Reminders);
        Assert.Single(await NotificationsAsync(engine));
    }

    private static async Task<Guid> StartAsync(TestEngine engine)
    {
        await engine.PublishFileAsync("boundary-timer-reminder.bpmn");
        var started = await engine.Runtime.StartAsync(
            new StartInstance("ReminderTimer", TestEngine.ToJson(new { supervisionStart = "2026-02-10" }), BusinessKey: "Ärende 1"), Actors.Officer);
        return started.InstanceId;
    }

    private static DeadlineReminders Reminders(TestEngine engine) => engine.Services.GetRequiredService<DeadlineReminders>();

    private static void MoveTo(TestEngine engine, LocalDate day) => engine.Clock.AdvanceTo(Stockholm.StartOf(day) + Duration.FromHours(9));

    private static async Task<List<Notification>> NotificationsAsync(TestEngine engine)
    {
        await using var db = engine.CreateDbContext();
        return await db.Notifications.AsNoTracking().ToListAsync();
    }
}
