using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Notifications;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Notifications;

/// <summary>
/// Who reads a reminder. The plan follow-up of KVFS 2011:5 16 § (TestReminder: P1M, reminder P1W) of a case whose
/// supervision starts on 10 February is reminded on 3 March, to the Stockholm office's queue for officers.
/// </summary>
public sealed class NotificationInboxTests
{
    private static readonly Actor StockholmAdministrator = new("adam", new HashSet<string> { "Administrator" }, "Stockholm");

    [Fact]
    public async Task AnOfficesQueue_IsReadByItsPeopleWithTheTasksRole_NotByAnotherOffice_NorByOtherRolesThere_16Paragraph()
    {
        await using var engine = await TestEngine.StartAsync();
        var reminder = await QueueReminderAsync(engine);
        var inbox = engine.Services.GetRequiredService<NotificationInbox>();

        Assert.Equal(reminder.Id, Assert.Single(await inbox.ListAsync(Actors.Officer)).Id);
        Assert.Single(await inbox.ListAsync(Actors.Chief)); // a chief is an officer too
        Assert.Empty(await inbox.ListAsync(Actors.OfficerElsewhere));
        Assert.Empty(await inbox.ListAsync(StockholmAdministrator));
        Assert.Empty(await inbox.ListAsync(Actors.ProcessOwner));
        await Assert.ThrowsAsync<ForbiddenException>(() => inbox.MarkReadAsync(reminder.Id, Actors.OfficerElsewhere));
        await Assert.ThrowsAsync<NotFoundException>(() => inbox.MarkReadAsync(Guid.NewGuid(), Actors.Officer));
    }

    [Fact]
    public async Task MarkingRead_KeepsTheFirstReaderAndTime_AndLeavesItOutOfTheUnreadList()
    {
        await using var engine = await TestEngine.StartAsync();
        var reminder = await QueueReminderAsync(engine);
        var inbox = engine.Services.GetRequiredService<NotificationInbox>();

        var read = await inbox.MarkReadAsync(reminder.Id, Actors.OtherOfficer);
        engine.Clock.AdvanceBy(Duration.FromHours(1));
        var again = await inbox.MarkReadAsync(reminder.Id, Actors.Officer);

        Assert.Equal(("olle", read.ReadAt), (again.ReadBy, again.ReadAt));
        Assert.Empty(await inbox.ListAsync(Actors.Officer, unreadOnly: true));
        Assert.Single(await inbox.ListAsync(Actors.Officer));
    }

    private static async Task<Notification> QueueReminderAsync(TestEngine engine)
    {
        await engine.PublishFileAsync("boundary-timer-reminder.bpmn");
        await engine.Runtime.StartAsync(new StartInstance("ReminderTimer", TestEngine.ToJson(new { supervisionStart = "2026-02-10" })), Actors.Officer);
        engine.Clock.AdvanceTo(Stockholm.StartOf(new LocalDate(2026, 3, 3)) + Duration.FromHours(9));
        Assert.Equal(1, await engine.Services.GetRequiredService<DeadlineReminders>().CreateDueAsync());
        return Assert.Single(await engine.Services.GetRequiredService<NotificationInbox>().ListAsync(Actors.Officer));
    }
}
