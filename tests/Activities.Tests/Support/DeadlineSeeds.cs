using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;
using Verkstallighet.Workflows;

namespace Verkstallighet.Activities.Tests.Support;

/// <summary>
/// Cases with deadlines of known outcome for the office reports and deadline lists: real cases, their workflows run to
/// the deadline, and then the deadline row set to the outcome and due date a test needs.
/// </summary>
public static class DeadlineSeeds
{
    public static readonly Actor Frida = new("frida", new HashSet<string> { Roles.Chief, Roles.Officer }, "Göteborg");
    public static readonly Actor David = new("david", new HashSet<string> { Roles.Administrator }, null);

    /// <summary>A case of <paramref name="officer"/>'s office, assessed, so its plan deadline (PlanEstablishment) is pending.</summary>
    public static async Task<Guid> AssessedCaseAsync(this DomainEngine domain, Actor? officer = null)
    {
        var caseId = await domain.CreateCaseAsync(actor: officer);
        await domain.CompleteAsync(caseId, "Assess", DomainEngine.Assessment(), officer);
        return caseId;
    }

    /// <summary>Sets the case's deadline of <paramref name="rule"/> to a status (Pending, Fired, Cancelled), cancellation reason and due date.</summary>
    public static async Task SetDeadlineAsync(this DomainEngine domain, Guid caseId, string rule, string status, string? cancelledBecause, LocalDate due)
    {
        await using var command = domain.Engine.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            UPDATE workflows.timers t SET status = @status, cancelled_because = @because, due_date = @due, version = t.version + 1
            FROM verkstallighet.cases c
            WHERE c.id = @case AND t.instance_id = c.workflow_instance_id AND t.deadline_rule_key = @rule
            """);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("because", (object?)cancelledBecause ?? DBNull.Value);
        command.Parameters.AddWithValue("due", due);
        command.Parameters.AddWithValue("case", caseId);
        command.Parameters.AddWithValue("rule", rule);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Stamps a fired deadline of the case as met late (<c>resolved_at</c>) or waived (<c>waived_at</c>).</summary>
    public static async Task SetFiredDeadlineOutcomeAsync(this DomainEngine domain, Guid caseId, string column)
    {
        var sql = column switch
        {
            "resolved_at" => "UPDATE workflows.timers t SET resolved_at = now(), resolved_because = 'ActivityCompleted', version = t.version + 1",
            "waived_at" => "UPDATE workflows.timers t SET waived_at = now(), waived_by = 'bertil', waiver_reason = 'skäl', version = t.version + 1",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        await using var command = domain.Engine.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql + """

            FROM verkstallighet.cases c
            WHERE c.id = @case AND t.instance_id = c.workflow_instance_id AND t.status = 'Fired'
            """);
        command.Parameters.AddWithValue("case", caseId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
