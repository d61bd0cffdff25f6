using Hangfire;

namespace Verkstallighet.Workflows.Notifications;

/// <summary>Hangfire's recurring job: the reminders whose day has come.</summary>
public sealed class DeadlineReminderJob(DeadlineReminders reminders)
{
    public const string RecurringJobId = "deadline-reminders";

    // Safe to run concurrently and again: the insert adds only what is missing (ON CONFLICT DO NOTHING).
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync() => reminders.CreateDueAsync();
}
