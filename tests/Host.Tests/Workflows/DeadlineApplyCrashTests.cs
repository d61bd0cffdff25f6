using System.Text.Json.Nodes;
using Npgsql;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Tests.Support;
using static Verkstallighet.Host.Tests.Support.DatabaseWatch;

namespace Verkstallighet.Host.Tests.Workflows;

/// <summary>
/// Issue 10, point 4: a Host killed with SIGKILL while it applies a rule change to pending deadlines. Every deadline is
/// left wholly old or wholly new (timer, bookmark copy and task due date alike), and a new Host's preview and apply
/// finish the rest, with one journal entry per instance. KVFS 2011:5 16 §: P1M becomes P30D.
/// </summary>
[Collection(nameof(TimerCrashRecoveryTests))]
public sealed class DeadlineApplyCrashTests
{
    private const int Instances = 600;
    private const int BatchSize = 100;
    private const string Rule = "PlanEstablishment";
    private static readonly DateOnly OldDue = new(2026, 2, 28), NewDue = new(2026, 3, 2);

    private const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="Apply" targetNamespace="urn:apply">
          <bpmn:process id="ApplyCrash" isExecutable="true">
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

    [Fact]
    public async Task HostKilledMidApply_LeavesEachDeadlineWhollyOldOrNew_AndANewHostsPreviewAndApplyFinishIt()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string> { ["Workflows__Timers__DeadlineMoveBatchSize"] = BatchSize.ToString() };
        var crashed = await HostProcess.StartAsync(connectionString, "crashed", TimeSpan.FromMinutes(3), settings);
        HostProcess? restarted = null;
        try
        {
            await (await crashed.As("cecilia").PostXmlAsync("/api/definitions", Definition)).OkJsonAsync();
            var instanceIds = await StartInstancesAsync(crashed);
            var version = await NewVersionAsync(crashed);
            var fingerprint = (string)(await PreviewAsync(crashed, version, expectMoving: Instances))["fingerprint"]!;

            // The apply moves whole instances in C#'s Guid order, a batch of 100 per transaction, two at a time. A row
            // lock on an instance of the fourth batch holds that one up; the Host is then killed.
            await using var blocker = await OpenAsync(connectionString);
            await using var blocking = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT id FROM workflows.timers WHERE instance_id = @id FOR UPDATE", blocker, blocking))
            {
                lockRow.Parameters.AddWithValue("id", instanceIds.Order().ElementAt(3 * BatchSize + 50));
                await lockRow.ExecuteNonQueryAsync();
            }

            var apply = crashed.As("david").PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/apply", new { scope = "Pending", fingerprint, reason = "Ny lydelse" });
            await using var watcher = await OpenAsync(connectionString);
            await UntilAsync(async () => await ScalarAsync(watcher,
                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0, TimeSpan.FromMinutes(2), "the apply to wait for the lock", crashed);
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

            // Whole batches committed, the held-up one (and whatever the other writer had open) did not.
            var afterKill = await DueDatesAsync(watcher);
            Assert.All(afterKill, d => Assert.True(d.Timer == d.Bookmark && d.Timer == d.Task, $"Instance {d.Instance} is mixed: {d}"));
            var movedBeforeKill = afterKill.Count(d => d.Timer == NewDue);
            Assert.Equal(Instances - movedBeforeKill, afterKill.Count(d => d.Timer == OldDue));
            Assert.Equal(0, movedBeforeKill % BatchSize);
            Assert.InRange(movedBeforeKill, BatchSize, Instances - BatchSize);
            Assert.Equal(movedBeforeKill, await JournalEntriesAsync(watcher));

            restarted = await HostProcess.StartAsync(connectionString, "restarted", TimeSpan.FromMinutes(3), settings);
            var rest = await PreviewAsync(restarted, version, expectMoving: Instances - movedBeforeKill);
            var result = await (await restarted.As("david").PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/apply",
                new { scope = "Pending", fingerprint = (string)rest["fingerprint"]!, reason = "Ny lydelse, återupptagen" })).OkJsonAsync();

            Assert.Equal(Instances - movedBeforeKill, (int)result["moved"]!);
            Assert.All(await DueDatesAsync(watcher), d => Assert.Equal((NewDue, NewDue, NewDue), (d.Timer, d.Bookmark, d.Task)));
            Assert.Equal(Instances, await JournalEntriesAsync(watcher));
            Assert.Equal(Instances, await ScalarAsync(watcher,
                "SELECT count(DISTINCT instance_id)::int FROM workflows.journal WHERE kind = 'DeadlineRescheduled'"));
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
                    new { definitionKey = "ApplyCrash", variables = new { supervisionStart = "2026-01-31" } })).OkJsonAsync();
                ids[i] = Guid.Parse((string)started["instanceId"]!);
            }
        }));
        return [.. ids];
    }

    private static async Task<int> NewVersionAsync(HostProcess host)
    {
        using var david = host.As("david");
        var added = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions",
            new { period = "P30D", effectiveFrom = "2026-01-01", reason = "16 § i ny lydelse", confirmPastEffectiveDate = true })).OkJsonAsync();
        return (int)added["version"]!;
    }

    private static async Task<JsonNode> PreviewAsync(HostProcess host, int version, int expectMoving)
    {
        using var david = host.As("david");
        var preview = await (await david.PostJsonAsync($"/api/deadline-rules/{Rule}/versions/{version}/preview", new { scope = "Pending" })).OkJsonAsync();
        Assert.Equal(expectMoving, (int)preview["moving"]!);
        return preview;
    }

    private sealed record DueDates(Guid Instance, DateOnly Timer, DateOnly Bookmark, DateOnly Task);

    private static async Task<List<DueDates>> DueDatesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT t.instance_id, t.due_date, b.due_date, h.due_date
            FROM workflows.timers t
            JOIN workflows.bookmarks b ON b.id = t.bookmark_id
            JOIN workflows.human_tasks h ON h.instance_id = t.instance_id AND h.status = 'Open'
            WHERE t.status = 'Pending' AND t.deadline_rule_key = 'PlanEstablishment'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<DueDates>();
        while (await reader.ReadAsync())
        {
            rows.Add(new DueDates(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3)));
        }

        Assert.Equal(Instances, rows.Count);
        return rows;
    }

    private static Task<int> JournalEntriesAsync(NpgsqlConnection connection) =>
        ScalarAsync(connection, "SELECT count(*)::int FROM workflows.journal WHERE kind = 'DeadlineRescheduled'");

}
