using Npgsql;
using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>Moves or fires one pending deadline of an instance in a step, journaled with who did it and why.</summary>
internal static class DeadlineAdjuster
{
    /// <summary>The timer, if it is a case's deadline that is still pending; else 404 or 409 saying why not.</summary>
    public static WorkflowTimer EnsurePendingDeadline(WorkflowTimer? timer, Guid timerId)
    {
        if (timer is null)
        {
            throw new NotFoundException($"Deadline {timerId} does not exist.");
        }

        if (timer.InstanceId is null || timer.DueDate is null)
        {
            throw new ConflictException("Only a deadline of a case can be moved or fired; this timer is not one.");
        }

        return timer.Status == TimerStatus.Pending
            ? timer
            : throw new ConflictException($"The deadline is no longer pending ({(timer.IsWaived ? "waived" : timer.CancelledBecause?.ToString() ?? timer.Status.ToString())}).");
    }

    public static async Task AdjustAsync(InstanceStep step, Bookmark bookmark, WorkflowTimer timer, DeadlineAdjustment adjustment, CancellationToken cancellationToken)
    {
        var node = step.Model.Node(timer.ElementId);
        var reason = adjustment.Reason!.Trim();
        if (adjustment.FireNow)
        {
            step.Journal.Write(JournalKinds.DeadlineFiredNow, node.Id, new { timerId = timer.Id, rule = timer.DeadlineRuleKey, dueDate = timer.DueDate, reason });
            await step.TriggerAsync(bookmark, payload: null, timer, cancellationToken);
            return;
        }

        var from = timer.DueDate!.Value;
        var to = adjustment.MoveTo!.Value;
        timer.Reschedule(DeadlineCalculator.OverdueAt(to), to);
        bookmark.DueDate = to;
        // The open tasks that show this deadline carry a copy of its date, as a rule change's bulk move finds them.
        step.AlsoSave((transaction, ct) => MoveTaskDueDatesAsync(transaction, from, to, ct));
        step.Journal.Write(JournalKinds.DeadlineMoved, node.Id, new { timerId = timer.Id, rule = timer.DeadlineRuleKey, from, to, reason });
    }

    private static async Task MoveTaskDueDatesAsync(Activities.StepTransaction transaction, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE workflows.human_tasks SET due_date = @to WHERE instance_id = @instance AND status = 'Open' AND due_date = @from",
            (NpgsqlConnection)transaction.Connection, (NpgsqlTransaction)transaction.Transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("instance", transaction.InstanceId));
        command.Parameters.Add(new NpgsqlParameter<LocalDate>("from", from));
        command.Parameters.Add(new NpgsqlParameter<LocalDate>("to", to));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
