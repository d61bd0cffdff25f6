using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Scheduling;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Benchmarks;

/// <summary>
/// A rule change over <c>count</c> pending deadlines: BenchMonth (P1M) becomes P30D for every pending deadline, through
/// the preview and the apply an administrator uses. For comparison, the way there was before (and Camunda 7's): one
/// transaction per deadline, loading the timer, its bookmark and its task and saving them, timed on a sample.
/// </summary>
internal static class RescheduleFigure
{
    public const string Rule = "BenchMonth";

    public const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="BenchDeadline" targetNamespace="urn:bench">
        <bpmn:process id="BenchDeadline" isExecutable="true">
          <bpmn:startEvent id="Start"/><bpmn:userTask id="Draft" name="Upprätta plan"/><bpmn:endEvent id="End"/><bpmn:endEvent id="Late"/>
          <bpmn:boundaryEvent id="Overdue" attachedToRef="Draft" cancelActivity="false"><bpmn:timerEventDefinition vp:deadlineRule="BenchMonth" vp:anchor="start"/></bpmn:boundaryEvent>
          <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Draft"/><bpmn:sequenceFlow id="f2" sourceRef="Draft" targetRef="End"/>
          <bpmn:sequenceFlow id="f3" sourceRef="Overdue" targetRef="Late"/>
        </bpmn:process></bpmn:definitions>
        """;

    /// <summary>Prints the figures; returns the failures (empty when every deadline moved as it should).</summary>
    public static async Task<List<string>> RunAsync(IServiceProvider services, string connectionString, int count, int sample)
    {
        var failures = new List<string>();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var rescheduling = services.GetRequiredService<DeadlineRescheduling>();
        var versions = services.GetRequiredService<DeadlineRuleVersions>();
        var contexts = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        var admin = new Actor("bench-admin", new HashSet<string> { "Administrator" }, null);

        var setUp = Stopwatch.StartNew();
        var template = await runtime.StartAsync("BenchDeadline", new System.Text.Json.Nodes.JsonObject { ["start"] = "2026-01-31" }, null, admin);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await CloneAsync(connection, template.InstanceId, count - 1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# reschedule: {count} pending deadlines (anchors over 60 days, month ends among them) set up in {setUp.Elapsed.TotalSeconds:F0} s"));

        // Those whose one month is not 30 days: an anchor of 29 January is due 28 February either way.
        var expected = await ScalarAsync(connectionString, """
            SELECT count(*)::int FROM workflows.timers
            WHERE status = 'Pending' AND deadline_rule_key = 'BenchMonth' AND (anchor_date + interval '1 month')::date <> anchor_date + 30
            """);
        var v2 = (await versions.AddAsync(Rule, new DeadlineRuleChange("P30D", new LocalDate(2025, 1, 1), false, null, "Benchmark: 30 dagar", ConfirmPastEffectiveDate: true), admin)).Version;
        var preview = Stopwatch.StartNew();
        var impact = await rescheduling.PreviewAsync(Rule, v2, DeadlineChangeScope.Pending, admin);
        var previewed = preview.Elapsed;
        var apply = Stopwatch.StartNew();
        var result = await rescheduling.ApplyAsync(Rule, v2, DeadlineChangeScope.Pending, impact.Fingerprint, "Benchmark", admin);
        var applied = apply.Elapsed;

        var wrong = await ScalarAsync(connectionString, """
            SELECT count(*)::int FROM workflows.timers t
            JOIN workflows.bookmarks b ON b.id = t.bookmark_id
            JOIN workflows.human_tasks h ON h.instance_id = t.instance_id AND h.status = 'Open'
            WHERE t.status = 'Pending' AND t.deadline_rule_key = 'BenchMonth'
              AND NOT (t.due_date = t.anchor_date + 30 AND b.due_date = t.due_date AND h.due_date = t.due_date)
            """);
        var journal = await ScalarAsync(connectionString, "SELECT count(*)::int FROM workflows.journal WHERE kind = 'DeadlineRescheduled'");
        if (impact.Moving != expected || result.Moved != expected || wrong != 0 || journal != expected)
        {
            failures.Add($"reschedule: {impact.Moving} previewed, {result.Moved} moved, {wrong} wrong, {journal} journal entries; {expected} of {count} should have moved.");
            return failures;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rule change previewed: {count} pending deadlines recomputed ({expected} move) in {previewed.TotalSeconds:F2} s (read, recompute with DeadlineCalculator, fingerprint)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rule change applied: {result.Moved} deadlines moved in {applied.TotalSeconds:F2} s ({result.Batches} batches; timer, bookmark, task and a journal entry each; the check of the preview included)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rule change, preview + apply: {(previewed + applied).TotalSeconds:F2} s for {count} deadlines"));

        // Job by job, as before: version 3 (P31D), one transaction per deadline through the entities.
        var v3 = (await versions.AddAsync(Rule, new DeadlineRuleChange("P31D", new LocalDate(2025, 1, 1), false, null, "Benchmark: en i taget", ConfirmPastEffectiveDate: true), admin)).Version;
        await using var db = await contexts.CreateDbContextAsync();
        var ids = await db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending && t.DeadlineRuleKey == Rule).OrderBy(t => t.Id).Select(t => t.Id).Take(sample).ToListAsync();
        var oneByOne = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await MoveOneAsync(contexts, id, v3);
        }

        var perDeadline = oneByOne.Elapsed / ids.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"job by job (for comparison): {ids.Count} deadlines moved in {oneByOne.Elapsed.TotalSeconds:F2} s, {perDeadline.TotalMilliseconds:F2} ms each; at that rate {count} would take {(perDeadline * count).TotalSeconds:F0} s"));
        return failures;
    }

    /// <summary>One deadline in its own transaction, as a per-job recalculation does it.</summary>
    private static async Task MoveOneAsync(IDbContextFactory<WorkflowsDbContext> contexts, Guid timerId, int ruleVersion)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var timer = await db.Timers.SingleAsync(t => t.Id == timerId);
        var bookmark = await db.Set<Bookmark>().SingleAsync(b => b.Id == timer.BookmarkId);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.InstanceId == timer.InstanceId && t.Status == HumanTaskStatus.Open && t.DueDate == timer.DueDate);
        var due = DeadlineCalculator.DueDate(timer.AnchorDate!.Value, Period.FromDays(31), moveToNextWorkingDay: false);
        timer.Reschedule(DeadlineCalculator.OverdueAt(due), due);
        timer.DeadlineRuleVersion = ruleVersion;
        bookmark.DueDate = due;
        if (task is not null)
        {
            task.DueDate = due;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Copies the template instance's rows (instance, bookmarks, timer, task) <paramref name="copies"/> times with new ids
    /// and anchors over 60 days, each deadline due one month (P1M, month end kept) after its anchor.
    /// </summary>
    private static async Task CloneAsync(NpgsqlConnection connection, Guid template, int copies)
    {
        await Execute(connection, $"""
            CREATE TEMP TABLE clone AS
            SELECT i, gen_random_uuid() AS instance_id, DATE '2026-01-01' + (i % 60) AS anchor FROM generate_series(1, {copies}) AS i;
            CREATE TEMP TABLE clone_bookmark AS
            SELECT c.i, b.id AS old_id, gen_random_uuid() AS new_id FROM clone c CROSS JOIN workflows.bookmarks b WHERE b.instance_id = @template;
            """, template);
        var due = "(clone.anchor + interval '1 month')::date";
        var overdueAt = $"(({due} + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')";
        await CopyAsync(connection, "instances", template, "id = @template", "CROSS JOIN clone", new() { ["id"] = "clone.instance_id" });
        await CopyAsync(connection, "bookmarks", template, "instance_id = @template", "JOIN clone_bookmark cb ON cb.old_id = src.id JOIN clone ON clone.i = cb.i",
            new() { ["id"] = "cb.new_id", ["instance_id"] = "clone.instance_id", ["due_date"] = $"CASE WHEN src.due_date IS NULL THEN NULL ELSE {due} END" });
        await CopyAsync(connection, "timers", template, "instance_id = @template", "JOIN clone_bookmark cb ON cb.old_id = src.bookmark_id JOIN clone ON clone.i = cb.i",
            new() { ["id"] = "gen_random_uuid()", ["instance_id"] = "clone.instance_id", ["bookmark_id"] = "cb.new_id", ["anchor_date"] = "clone.anchor", ["due_date"] = due, ["due_at"] = overdueAt });
        await CopyAsync(connection, "human_tasks", template, "instance_id = @template", "JOIN clone_bookmark cb ON cb.old_id = src.bookmark_id JOIN clone ON clone.i = cb.i",
            new() { ["id"] = "gen_random_uuid()", ["instance_id"] = "clone.instance_id", ["bookmark_id"] = "cb.new_id", ["due_date"] = due });
        // The template itself counts too: its anchor is 31 January, due 28 February.
        await Execute(connection, "ANALYZE workflows.instances; ANALYZE workflows.bookmarks; ANALYZE workflows.timers; ANALYZE workflows.human_tasks;", template);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, Guid template, string where, string join, Dictionary<string, string> replaced)
    {
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = 'workflows' AND table_name = @table ORDER BY ordinal_position", connection))
        {
            read.Parameters.AddWithValue("table", table);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var values = columns.Select(c => replaced.TryGetValue(c, out var value) ? value : $"src.{c}");
        await Execute(connection, $"""
            INSERT INTO workflows.{table} ({string.Join(", ", columns)})
            SELECT {string.Join(", ", values)} FROM (SELECT * FROM workflows.{table} WHERE {where}) AS src {join}
            """, template);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, Guid template)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("template", template);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
