using System.Text.Json.Nodes;
using Npgsql;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Tests.Support;
using static Verkstallighet.Host.Tests.Support.DatabaseWatch;

namespace Verkstallighet.Host.Tests.Workflows;

/// <summary>
/// Issue 11, point 6: a Host killed with SIGKILL in the middle of applying a migration, after it has written part of it
/// in its transaction. The database holds none of it (every instance, task, timer and bookmark as version 1 had them,
/// no journal entry), and a new Host's dry run and apply then migrate all of it.
/// </summary>
[Collection(nameof(TimerCrashRecoveryTests))]
public sealed class MigrationApplyCrashTests
{
    private const int Instances = 200;

    private const string Version1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="M" targetNamespace="urn:migrate">
          <bpmn:process id="MigrateCrash" isExecutable="true">
            <bpmn:startEvent id="Start"/>
            <bpmn:userTask id="Draft" name="Upprätta plan"/>
            <bpmn:boundaryEvent id="Overdue" attachedToRef="Draft" cancelActivity="false">
              <bpmn:timerEventDefinition vp:deadlineRule="PlanEstablishment" vp:anchor="supervisionStart"/>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="Done"/>
            <bpmn:endEvent id="Escalated"/>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Draft"/>
            <bpmn:sequenceFlow id="f2" sourceRef="Draft" targetRef="Done"/>
            <bpmn:sequenceFlow id="f3" sourceRef="Overdue" targetRef="Escalated"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly string Version2 = Version1
        .Replace("id=\"Draft\" name=\"Upprätta plan\"", "id=\"DraftPlan\" name=\"Upprätta planen\"")
        .Replace("Ref=\"Draft\"", "Ref=\"DraftPlan\"")
        .Replace("\"Overdue\"", "\"PlanOverdue\"");

    /// <summary>
    /// A backend of this database waiting for a row lock after it has already written to other tables of the
    /// migration in the same transaction: it holds their RowExclusiveLock, which a statement takes when it runs.
    /// </summary>
    private const string ApplyWaitsHalfWritten = """
        SELECT count(*)::int FROM pg_stat_activity a
        WHERE a.datname = current_database() AND a.wait_event_type = 'Lock'
          AND (SELECT count(DISTINCT c.relname) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
               WHERE l.pid = a.pid AND l.mode = 'RowExclusiveLock' AND l.granted
                 AND c.relname IN ('instances', 'bookmarks', 'human_tasks', 'journal')) >= 2
        """;

    [Fact]
    public async Task HostKilledMidApply_LeavesNoneOfTheMigration_AndANewHostsDryRunAndApplyMigrateAll()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var crashed = await HostProcess.StartAsync(connectionString, "crashed", TimeSpan.FromMinutes(3));
        HostProcess? restarted = null;
        try
        {
            await (await crashed.As("cecilia").PostXmlAsync("/api/definitions", Version1)).OkJsonAsync();
            var instanceIds = await StartInstancesAsync(crashed);
            await (await crashed.As("cecilia").PostXmlAsync("/api/definitions", Version2)).OkJsonAsync();
            var revisions = await DryRunAsync(crashed);

            // A row lock on one instance's deadline holds the apply up once it has written the other tables; then the Host dies.
            await using var blocker = await OpenAsync(connectionString);
            await using var blocking = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT id FROM workflows.timers WHERE instance_id = @id FOR UPDATE", blocker, blocking))
            {
                lockRow.Parameters.AddWithValue("id", instanceIds[Instances / 2]);
                await lockRow.ExecuteNonQueryAsync();
            }

            var apply = crashed.As("cecilia").PostJsonAsync("/api/migrations/apply", Request(revisions));
            await using var watcher = await OpenAsync(connectionString);
            await UntilAsync(async () => await ScalarAsync(watcher, ApplyWaitsHalfWritten) > 0, TimeSpan.FromMinutes(2), "the apply to wait for the lock, half written", crashed);
            await crashed.KillAsync();
            await blocking.RollbackAsync();
            try
            {
                await apply;
            }
            catch (HttpRequestException)
            {
                // The Host that was to answer is dead.
            }

            Assert.Equal(new Counts(Instances, 0, 0), await CountsAsync(watcher));

            restarted = await HostProcess.StartAsync(connectionString, "restarted", TimeSpan.FromMinutes(3));
            var again = await DryRunAsync(restarted);
            Assert.Equal(revisions.ToJsonString(), again.ToJsonString()); // the killed apply left no revision changed
            var result = await (await restarted.As("cecilia").PostJsonAsync("/api/migrations/apply", Request(again))).OkJsonAsync();

            Assert.Equal(Instances, result["instances"]!.AsArray().Count);
            Assert.Equal(new Counts(0, Instances, Instances), await CountsAsync(watcher));
        }
        finally
        {
            await crashed.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    private static object Request(JsonNode? revisions) => new
    {
        definitionKey = "MigrateCrash",
        sourceVersion = 1,
        targetVersion = 2,
        mapping = new Dictionary<string, string> { ["Draft"] = "DraftPlan", ["Overdue"] = "PlanOverdue" },
        expectedRevisions = revisions?.DeepClone(),
    };

    private static async Task<JsonNode> DryRunAsync(HostProcess host)
    {
        var dryRun = await (await host.As("cecilia").PostJsonAsync("/api/migrations/dry-run", Request(null))).OkJsonAsync();
        Assert.True((bool)dryRun["canApply"]!, dryRun["problems"]!.ToJsonString());
        Assert.Equal(Instances, dryRun["instances"]!.AsArray().Count);
        return dryRun["revisions"]!;
    }

    private static async Task<List<Guid>> StartInstancesAsync(HostProcess host)
    {
        var ids = new Guid[Instances];
        var next = -1;
        using var anna = host.As("anna");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Instances)
            {
                var started = await (await anna.PostJsonAsync("/api/instances",
                    new { definitionKey = "MigrateCrash", variables = new { supervisionStart = "2026-01-31" } })).OkJsonAsync();
                ids[i] = Guid.Parse((string)started["instanceId"]!);
            }
        }));
        return [.. ids];
    }

    /// <summary>
    /// Instances wholly on version 1 (instance, open task, pending timer and its bookmark all at the old elements),
    /// instances wholly on version 2, and migration journal entries. A mixed instance is counted in neither.
    /// </summary>
    private sealed record Counts(int OnVersion1, int OnVersion2, int Journaled);

    private static async Task<Counts> CountsAsync(NpgsqlConnection connection)
    {
        const string Whole = """
            SELECT count(*)::int FROM workflows.instances i
            JOIN workflows.human_tasks h ON h.instance_id = i.id AND h.status = 'Open'
            JOIN workflows.timers t ON t.instance_id = i.id AND t.status = 'Pending'
            JOIN workflows.bookmarks b ON b.id = t.bookmark_id
            WHERE i.definition_key = 'MigrateCrash' AND i.definition_version = {0} AND EXISTS (SELECT 1 FROM jsonb_array_elements(i.state->'tokens') token WHERE token->>'elementId' = '{1}')
              AND h.element_id = '{1}' AND h.title = '{2}' AND t.element_id = '{3}' AND b.element_id = '{3}' AND t.definition_id = i.definition_id
            """;
        return new Counts(
            await ScalarAsync(connection, string.Format(Whole, 1, "Draft", "Upprätta plan", "Overdue")),
            await ScalarAsync(connection, string.Format(Whole, 2, "DraftPlan", "Upprätta planen", "PlanOverdue")),
            await ScalarAsync(connection, "SELECT count(*)::int FROM workflows.journal WHERE kind = 'InstanceMigrated'"));
    }
}
