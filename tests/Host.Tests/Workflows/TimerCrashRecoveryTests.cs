using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Tests.Support;
using static Verkstallighet.Host.Tests.Support.DatabaseWatch;

namespace Verkstallighet.Host.Tests.Workflows;

/// <summary>
/// A Host killed with SIGKILL in the middle of a burst of due timers, and a new Host on the same database. It runs alone
/// (after the other tests of this project), as its 30 seconds are measured on two cores.
/// </summary>
[Collection(nameof(TimerCrashRecoveryTests))]
public sealed class TimerCrashRecoveryTests(ITestOutputHelper log)
{
    private const int Instances = 1000;
    private static readonly TimeSpan FireWithin = TimeSpan.FromSeconds(30);

    private const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Crash" targetNamespace="urn:crash">
          <bpmn:process id="CrashBurst" isExecutable="true">
            <bpmn:startEvent id="Start"/>
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="AfterTimer" name="Efter timern"/>
            <bpmn:endEvent id="End"/>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait"/>
            <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="AfterTimer"/>
            <bpmn:sequenceFlow id="f3" sourceRef="AfterTimer" targetRef="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task HostKilledWhileFiringABurst_TheRestartedHostFiresEveryDueTimerWithin30Seconds_EachExactlyOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var crashed = await HostProcess.StartAsync(connectionString, "crashed", TimeSpan.FromMinutes(3));
        HostProcess? restarted = null;
        try
        {
            await (await crashed.As("cecilia").PostXmlAsync("/api/definitions", Definition)).OkJsonAsync();
            var clock = Stopwatch.StartNew();
            var instanceIds = await StartInstancesAsync(crashed);
            log.WriteLine($"{Instances} instances started in {clock.Elapsed}.");

            // A row lock on one instance in twenty (as a long transaction elsewhere would hold it) stalls the fire job
            // that reaches it, part-way through its share of the burst; the others keep firing. The kill then finds
            // fire jobs at work, some timers fired and most not.
            await using var blocker = await OpenAsync(connectionString);
            await using var blocking = await blocker.BeginTransactionAsync();
            await using (var lockRows = new NpgsqlCommand("SELECT id FROM workflows.instances WHERE id = ANY(@ids) FOR UPDATE", blocker, blocking))
            {
                lockRows.Parameters.AddWithValue("ids", instanceIds.Where((_, i) => i % 20 == 19).ToArray());
                await lockRows.ExecuteNonQueryAsync();
            }

            // The advance claims the whole burst and waits for it; it never answers, as its Host is killed.
            var advance = crashed.As("david").PostJsonAsync("/api/clock/advance", new { by = "PT2H" });
            await using var watcher = await OpenAsync(connectionString);
            await UntilAsync(
                async () => await FiredAsync(watcher) > 0 && await ScalarAsync(watcher, "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0,
                TimeSpan.FromMinutes(2), "the burst to be firing, with a fire job held up", crashed);
            await crashed.KillAsync();
            await blocking.RollbackAsync();
            await IgnoreFailureAsync(advance);

            var firedBeforeRestart = await FiredAsync(watcher);
            Assert.InRange(firedBeforeRestart, 1, Instances - 1);
            log.WriteLine($"Killed after {clock.Elapsed}, {firedBeforeRestart} of {Instances} timers fired.");
            // Queue rows the killed Host had fetched stay invisible to other servers for minutes; every other job
            // (the killed Host's unfetched fire jobs and all the restarted Host's) must have run before counting.
            var fetchedByTheDead = await IdsAsync(watcher, "SELECT id FROM hangfire.jobqueue WHERE fetchedat IS NOT NULL");

            var sinceRestart = Stopwatch.StartNew();
            restarted = await HostProcess.StartAsync(connectionString, "restarted", FireWithin);
            var restartListening = sinceRestart.Elapsed;
            await UntilAsync(async () => await FiredAsync(watcher) == Instances, FireWithin - sinceRestart.Elapsed, "every timer to fire after the restart", restarted);
            var firedAfter = sinceRestart.Elapsed;
            log.WriteLine($"Restarted Host listening after {restartListening}; every timer fired {firedAfter} after the restart.");

            await using (var drained = new NpgsqlCommand("SELECT count(*)::int FROM hangfire.jobqueue WHERE id <> ALL(@dead)", watcher))
            {
                drained.Parameters.AddWithValue("dead", fetchedByTheDead);
                await UntilAsync(async () => (int)(await drained.ExecuteScalarAsync())! == 0, TimeSpan.FromMinutes(2), "the restarted Host to run every queued job", restarted);
            }

            log.WriteLine($"Every queued job had run {sinceRestart.Elapsed} after the restart.");
            Assert.True(firedAfter <= FireWithin, $"The last timer fired {firedAfter} after the restart.");
            Assert.Equal(Instances, await ScalarAsync(watcher, "SELECT count(*)::int FROM workflows.timers WHERE status = 'Fired'"));
            Assert.Equal(0, await ScalarAsync(watcher, "SELECT count(*)::int FROM workflows.timers WHERE status <> 'Fired'"));
            // Each instance: exactly one TimerFired entry and exactly one task after the timer.
            Assert.Equal(Instances, await ScalarAsync(watcher, """
                SELECT count(*)::int FROM workflows.instances i
                WHERE i.definition_key = 'CrashBurst'
                  AND (SELECT count(*) FROM workflows.journal j WHERE j.instance_id = i.id AND j.kind = 'TimerFired') = 1
                  AND (SELECT count(*) FROM workflows.human_tasks t WHERE t.instance_id = i.id AND t.element_id = 'AfterTimer') = 1
                """));
            Assert.Equal(Instances, await ScalarAsync(watcher, "SELECT count(*)::int FROM workflows.journal WHERE kind = 'TimerFired'"));
            Assert.Equal(Instances, await ScalarAsync(watcher, "SELECT count(*)::int FROM workflows.human_tasks WHERE element_id = 'AfterTimer'"));
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
                var started = await (await anna.PostJsonAsync("/api/instances", new { definitionKey = "CrashBurst" })).OkJsonAsync();
                ids[i] = Guid.Parse((string)started["instanceId"]!);
            }
        }));
        return [.. ids];
    }

    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (HttpRequestException)
        {
            // The Host that was to answer is dead.
        }
    }

    private static Task<int> FiredAsync(NpgsqlConnection connection) =>
        ScalarAsync(connection, "SELECT count(*)::int FROM workflows.timers WHERE status = 'Fired'");

    private static async Task<long[]> IdsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(Convert.ToInt64(reader.GetValue(0)));
        }

        return [.. ids];
    }
}

[CollectionDefinition(nameof(TimerCrashRecoveryTests), DisableParallelization = true)]
public sealed class TimerCrashRecoveryCollection;
