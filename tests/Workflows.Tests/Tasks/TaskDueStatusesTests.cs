using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Tasks;

/// <summary>
/// Due soon in the task list, from the reminder lead time of the rule version a deadline was counted with. The clock
/// starts on 31 January 2026; supervision starts on 10 February, so the plan follow-up of KVFS 2011:5 16 § (TestReminder,
/// P1M with a reminder P1W) is due on 10 March and its reminder day is 3 March. TestMonth has no lead time.
/// </summary>
public sealed class TaskDueStatusesTests
{
    private static readonly LocalDate DueDate = new(2026, 3, 10);

    [Fact]
    public async Task TaskIsDueSoon_FromTheReminderDay_NotTheDayBefore_AndOverdueAfterTheDueDate_16Paragraph()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-reminder.bpmn");
        var started = await engine.StartAsync("ReminderTimer", new { supervisionStart = "2026-02-10" });

        Assert.Equal(TaskDueStatus.Upcoming, await StatusOnAsync(engine, started.InstanceId, new LocalDate(2026, 3, 2)));
        Assert.Equal(TaskDueStatus.DueSoon, await StatusOnAsync(engine, started.InstanceId, new LocalDate(2026, 3, 3)));
        Assert.Equal(TaskDueStatus.DueSoon, await StatusOnAsync(engine, started.InstanceId, DueDate));
        Assert.Equal(TaskDueStatus.Overdue, await StatusOnAsync(engine, started.InstanceId, DueDate.PlusDays(1)));
    }

    [Fact]
    public async Task ARuleWithoutALeadTime_NeverMarksATaskDueSoon()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer.bpmn");
        var started = await engine.StartAsync("BoundaryTimer", new { supervisionStart = "2026-02-10" });

        Assert.Equal(TaskDueStatus.Upcoming, await StatusOnAsync(engine, started.InstanceId, new LocalDate(2026, 3, 3)));
        Assert.Equal(TaskDueStatus.Upcoming, await StatusOnAsync(engine, started.InstanceId, DueDate));
    }

    [Fact]
    public async Task AWaivedDeadline_NoLongerMakesItsTaskDueSoon_16Paragraph()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("boundary-timer-reminder.bpmn");
        var started = await engine.StartAsync("ReminderTimer", new { supervisionStart = "2026-02-10" });
        var timer = Assert.Single(await engine.PendingTimersAsync(started.InstanceId));
        await engine.Runtime.WaiveTimerAsync(timer.Id, "Särskilda skäl", Actors.Chief);

        Assert.Equal(TaskDueStatus.Upcoming, await StatusOnAsync(engine, started.InstanceId, new LocalDate(2026, 3, 3)));
    }

    /// <summary>The status the task list gives the instance's task with the clock moved to <paramref name="day"/> (never back).</summary>
    private static async Task<TaskDueStatus> StatusOnAsync(TestEngine engine, Guid instanceId, LocalDate day)
    {
        engine.Clock.AdvanceTo(Stockholm.StartOf(day) + Duration.FromHours(9));
        var page = await engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Office));
        var task = Assert.Single(page.Items, t => t.InstanceId == instanceId);
        Assert.Equal(DueDate, task.DueDate);
        Assert.Equal(page.DueStatusOf(task), (await engine.Services.GetRequiredService<TaskDueStatuses>().OfAsync([task]))[task.Id]);
        return page.DueStatusOf(task);
    }
}
