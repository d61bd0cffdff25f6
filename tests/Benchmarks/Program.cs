using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Verkstallighet.Benchmarks;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Hosting;
using Verkstallighet.Workflows.Scheduling;

// Measures the engine against real PostgreSQL: instances started per second (start to first user task stored), task
// completions per second, and timers fired per second through the sweep and Hangfire. Prints one line per figure.
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.WriteLine("""
        Usage: dotnet run -c Release --project tests/Benchmarks -- [options]
          --n <count>            instances (and tasks, and timers) per figure      (default 4000)
          --concurrency <c>      concurrent callers for starts and completions     (default 8)
          --workers <w>          Hangfire workers firing timers                    (default 8)
          --warmup <seconds>     steady-state warm-up before measuring             (default 45)
          --fire-jobs-per-batch <j>  most fire jobs one sweep enqueues           (default 64, as the Host)
          --durable              PostgreSQL with fsync and synchronous commit on   (default: off, as in tests)
          --connection <string>  use this PostgreSQL instead of a throwaway cluster
          --only <figure>        measure only starts, completions, timers, hangfire, inbox, reschedule or parser
          --inbox-tasks <count>  open tasks over 10 offices for the inbox figure  (default 1000000)
          --deadlines <count>    pending deadlines a rule change moves             (default 100000)
          --one-by-one <count>   of them moved one transaction each, to compare    (default 2000)
        """);
    return 0;
}

if (options.Only == "parser")
{
    return ParserFigure.Run(); // no database: the parser alone
}

await using var cluster = options.Connection is null ? await LocalPostgresCluster.StartThrowawayAsync(durable: options.Durable) : null;
var connectionString = options.Connection;
if (cluster is not null)
{
    await cluster.CreateDatabaseAsync("bench");
    connectionString = cluster.ConnectionStringFor("bench") + ";Maximum Pool Size=200";
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddWorkflows(new WorkflowsOptions
{
    ConnectionString = connectionString!,
    SimulatedClock = true,
    SimulatedClockStart = Instant.FromUtc(2026, 1, 31, 8, 0),
    HangfireWorkers = options.Workers,
});
builder.Services.Configure<TimerOptions>(timers => timers.FireJobsPerBatch = options.FireJobsPerBatch);
// The benchmark's own role and office model: its tasks are offered to officers, and expressions see the office.
builder.Services.Configure<InstanceAccessOptions>(access =>
{
    access.OfficeVariable = "office";
    access.RuleAdministratorRoles.Add("Administrator");
});
builder.Services.AddSingleton(new DeadlineRuleSeed(RescheduleFigure.Rule, "P1M", "Bench 1 §", "En månad från ankaret.", new LocalDate(2000, 1, 1)));
builder.Services.Configure<WorkflowRuntimeOptions>(runtime => runtime.DefaultCandidateRole = "Officer");
using var host = builder.Build();
await host.Services.GetRequiredService<WorkflowsStartup>().InitializeAsync();
await host.StartAsync();

var definitions = host.Services.GetRequiredService<DefinitionService>();
var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
var sweeper = host.Services.GetRequiredService<TimerSweeper>();
var clock = host.Services.GetRequiredService<SimulatedClock>();
var contexts = host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
var inbox = host.Services.GetRequiredService<TaskInbox>();
var actor = new Actor("bench", new HashSet<string> { "Officer" }, "Bench");
await definitions.PublishAsync(Workflows.Task, Actor.System);
await definitions.PublishAsync(Workflows.Timer, Actor.System);
await definitions.PublishAsync(RescheduleFigure.Definition, Actor.System);

Console.WriteLine($"# {Environment.ProcessorCount} cores, PostgreSQL {(cluster is null ? "given" : options.Durable ? "throwaway, durable (fsync on)" : "throwaway, fsync and synchronous_commit off")} on the same machine, n={options.N}, concurrency={options.Concurrency}, hangfire workers={options.Workers}, fire jobs per batch={options.FireJobsPerBatch}, warm-up {options.WarmUpSeconds} s");

// A figure counts the work done, not the work asked for, and is printed only when all of it was done; otherwise the run
// stops with a message on stderr and exit code 1, since a rate over unfinished work means nothing.
var failures = new List<string>();

// Warm-up until the JIT has settled (tiered compilation recompiles hot methods after some calls), pools are full and
// the model cache is filled, on every path that is measured; the figures are for a Host in steady state.
var warmUp = Stopwatch.StartNew();
while (warmUp.Elapsed < TimeSpan.FromSeconds(options.WarmUpSeconds) && failures.Count == 0 && options.Only is not ("inbox" or "reschedule"))
{
    var (warm, started) = await StartTaskInstancesAsync(500);
    Require("warm-up starts that opened their user task", 500, started.Done);
    Require("warm-up completions that ended their instance", 500, (await CompleteTasksAsync(warm)).Done);
    if (options.Measures("timers"))
    {
        Require("warm-up timers fired with their follow-up task opened", 500, (await FireTimersAsync(500)).Done);
    }
}

if (failures.Count == 0 && (options.Measures("starts") || options.Measures("completions")))
{
    var (instances, started) = await StartTaskInstancesAsync(options.N);
    Report("instances started/s", options.N, started, "start to first user task stored");
    if (failures.Count == 0)
    {
        Report("task completions/s", options.N, await CompleteTasksAsync(instances), "completion to instance ended");
    }
}

if (failures.Count == 0 && options.Measures("timers"))
{
    Report("timers fired/s", options.N, await FireTimersAsync(options.N), "sweep + Hangfire fire jobs + one step per timer, each opening its follow-up task");
}

if (failures.Count == 0 && options.Measures("hangfire"))
{
    // The ceiling Hangfire itself sets here: jobs that do nothing, through the same storage and workers.
    var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
    var measuring = Measuring.Start();
    for (var i = 0; i < options.N; i++)
    {
        jobs.Enqueue<NoOpJob>(job => job.Run());
    }

    while (NoOpJob.Count < options.N && measuring.Elapsed < TimeSpan.FromMinutes(10))
    {
        await Task.Delay(20);
    }

    Report("hangfire no-op jobs/s", options.N, measuring.Stop(NoOpJob.Count), "enqueue + process, for reference: the ceiling of one Hangfire job per timer");
}

if (failures.Count == 0 && options.Measures("inbox"))
{
    await MeasureInboxAsync(options.InboxTasks);
}

if (failures.Count == 0 && options.Measures("reschedule"))
{
    failures.AddRange(await RescheduleFigure.RunAsync(host.Services, connectionString!, options.Deadlines, options.OneByOne));
}

await host.StopAsync();
foreach (var failure in failures)
{
    Console.Error.WriteLine($"FAILED: {failure}");
}

return failures.Count == 0 ? 0 : 1;

// Starts instances of BenchTask. Done: the starts whose user task was opened and is stored (checked after the clock stops).
async Task<(List<StepResult> Instances, Figure Figure)> StartTaskInstancesAsync(int count)
{
    var measuring = Measuring.Start();
    var started = await RunConcurrent(count, options.Concurrency, _ => runtime.StartAsync("BenchTask", null, null, actor));
    var figure = measuring.Stop(0);
    var ids = started.Where(s => s.OpenedTaskIds.Count == 1).Select(s => s.InstanceId).ToList();
    await using var db = await contexts.CreateDbContextAsync();
    var stored = await db.Tasks.CountAsync(t => t.Status == HumanTaskStatus.Open && t.ElementId == "Work" && EF.Parameter(ids).Contains(t.InstanceId));
    return (started, figure with { Done = stored });
}

// Completes the task of every started instance. Done: the completions after which the instance had ended.
async Task<Figure> CompleteTasksAsync(List<StepResult> started)
{
    var withTask = started.Where(s => s.OpenedTaskIds.Count == 1).ToList();
    var measuring = Measuring.Start();
    var results = await RunConcurrent(withTask.Count, options.Concurrency, i => runtime.CompleteTaskAsync(withTask[i].OpenedTaskIds[0], [], actor));
    return measuring.Stop(results.Count(r => r.Status == InstanceStatus.Completed));
}

// Instances waiting on a one-hour timer (set-up, not timed), then the clock jumps past them all and the sweep hands
// them to Hangfire. Timed until every one of them has fired, or 20 minutes. Done: the timers that fired and whose
// instance then opened its follow-up task.
async Task<Figure> FireTimersAsync(int count)
{
    var waiting = await RunConcurrent(count, options.Concurrency, _ => runtime.StartAsync("BenchTimer", null, null, actor));
    var ids = waiting.Select(w => w.InstanceId).ToList();
    var measuring = Measuring.Start();
    clock.AdvanceBy(Duration.FromHours(2));
    int fired;
    do
    {
        await sweeper.SweepUntilIdleAsync(TimeSpan.FromMinutes(10));
        await using var db = await contexts.CreateDbContextAsync();
        fired = await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired && EF.Parameter(ids).Contains(t.InstanceId!.Value));
    }
    while (fired < count && measuring.Elapsed < TimeSpan.FromMinutes(20));

    var figure = measuring.Stop(0);
    await using var check = await contexts.CreateDbContextAsync();
    var followed = await check.Tasks.CountAsync(t => t.Status == HumanTaskStatus.Open && t.ElementId == "AfterTimer" && EF.Parameter(ids).Contains(t.InstanceId));
    return figure with { Done = Math.Min(fired, followed) };
}

// The inbox of one office among ten, through TaskInbox.ListAsync (what GET /api/tasks calls, without HTTP): the first
// page, and a page deep in the list reached by following the cursors, each timed many times after a warm-up.
async Task MeasureInboxAsync(int total)
{
    const int offices = 10, pageSize = 100, runs = 400;
    var perOffice = total / offices;
    var setUp = Stopwatch.StartNew();
    await using (var db = await contexts.CreateDbContextAsync())
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("TRUNCATE workflows.human_tasks");
        // Due dates over two years with ties, one in seven without a due date, a third of them claimed; six task titles and
        // three tasks per case number, for the other sorts.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO workflows.human_tasks (id, instance_id, bookmark_id, element_id, activity_type, title, candidate_role, office,
                                               assignee, due_date, status, created_at, version, correlation_id, business_key)
            SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Work', 'Work',
                   (ARRAY['Risk- och behovsbedömning', 'Upprätta förslag', 'Fastställ planen', 'Följ upp planen', 'Överför ärendet', 'Åtgärda misskötsamhet'])[i % 6 + 1],
                   'Officer', 'Office' || (i % {offices}),
                   CASE WHEN i % 3 = 0 THEN 'user' || (i % 97) END, CASE WHEN i % 7 <> 0 THEN DATE '2026-01-01' + (i % 730) END,
                   'Open', TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * interval '1 second', 1, 'case-' || i, (i / 3)::text
            FROM generate_series(1, {total}) AS i
            """);
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE workflows.human_tasks");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# inbox: {total} open tasks over {offices} offices inserted and analysed in {setUp.Elapsed.TotalSeconds:F0} s"));
    var officer = new Actor("bench", new HashSet<string> { "Officer" }, "Office0");
    var office = new TaskListQuery(TaskFilter.Office) { Limit = pageSize };

    // Walks the whole office once: every task exactly once, in order, or the figures mean nothing.
    var seen = new HashSet<Guid>();
    var inOrder = true;
    HumanTask? previous = null;
    string? deepCursor = null;
    string? after = null;
    var pages = 0;
    var walked = 0;
    do
    {
        var page = await inbox.ListAsync(officer, office with { After = after });
        foreach (var task in page.Items)
        {
            inOrder &= previous is null || SortsBefore(previous, task);
            seen.Add(task.Id);
            previous = task;
        }

        walked += page.Items.Count;
        after = page.Next;
        if (++pages == perOffice / pageSize * 9 / 10)
        {
            deepCursor = after;
        }
    }
    while (after is not null);

    Require("inbox tasks of the office listed exactly once by paging", perOffice, seen.Count);
    if (walked != seen.Count)
    {
        failures.Add($"inbox: paging listed {walked} tasks, of which {seen.Count} distinct.");
    }

    if (!inOrder)
    {
        failures.Add("inbox: the pages were not in due date, created, id order.");
    }

    if (deepCursor is null || failures.Count > 0)
    {
        failures.Add("inbox: no deep page to measure.");
        return;
    }

    var figures = new (string What, TaskListQuery Query)[]
    {
        ("first page, filter=office", office),
        ($"page {perOffice / pageSize * 9 / 10 + 1} (keyset), filter=office", office with { After = deepCursor }),
        ("first page, filter=office&assigned=unassigned", office with { Assignment = TaskAssignment.Unassigned }),
        ("first page, filter=role (office and office-less tasks merged)", new TaskListQuery(TaskFilter.Role) { Limit = pageSize }),
        ("first page, filter=office&sort=activity", office with { Sort = TaskSort.Activity }),
        ("first page, filter=office&sort=case&descending=true", office with { Sort = TaskSort.Case, Descending = true }),
        ("first page, filter=role&sort=status&assigned=mineOrUnassigned", new TaskListQuery(TaskFilter.Role) { Limit = pageSize, Sort = TaskSort.Status, Assignment = TaskAssignment.MineOrUnassigned }),
    };
    foreach (var (what, query) in figures)
    {
        for (var i = 0; i < runs / 4; i++)
        {
            await inbox.ListAsync(officer, query);
        }

        var latencies = new Latencies();
        var listed = 0;
        for (var i = 0; i < runs; i++)
        {
            listed += (await latencies.TimeAsync(() => inbox.ListAsync(officer, query))).Items.Count;
        }

        Require($"inbox {what}: tasks listed", runs * pageSize, listed);
        Console.WriteLine($"inbox {what}, {pageSize} of {perOffice} open tasks in the office: {latencies}");
    }
}

static bool SortsBefore(HumanTask a, HumanTask b)
{
    var byDue = (a.DueDate ?? LocalDate.MaxIsoValue).CompareTo(b.DueDate ?? LocalDate.MaxIsoValue);
    var byCreated = a.CreatedAt.CompareTo(b.CreatedAt);
    return byDue < 0 || byDue == 0 && (byCreated < 0 || byCreated == 0 && a.Id != b.Id);
}

void Require(string what, int expected, int done)
{
    if (done < expected)
    {
        failures.Add($"{what}: only {done} of {expected}.");
    }
}

void Report(string what, int expected, Figure figure, string note)
{
    if (figure.Done < expected)
    {
        failures.Add($"{what}: only {figure.Done} of {expected} items were done in {figure.Seconds:F2} s; no rate is given for unfinished work.");
        return;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {figure.Done / figure.Seconds:F0} ({figure.Done} in {figure.Seconds:F2} s; {note}; this process used {figure.Cpu.TotalMilliseconds / figure.Done:F2} ms CPU per item)"));
}

static async Task<List<T>> RunConcurrent<T>(int count, int concurrency, Func<int, Task<T>> work)
{
    var results = new T[count];
    var next = -1;
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            results[i] = await work(i);
        }
    });
    await Task.WhenAll(workers);
    return [.. results];
}

internal sealed class NoOpJob
{
    private static int count;

    public static int Count => Volatile.Read(ref count);

    public void Run() => Interlocked.Increment(ref count);
}

internal sealed record BenchmarkOptions(int N, int Concurrency, int Workers, bool Durable, string? Connection, int WarmUpSeconds, int FireJobsPerBatch, string? Only, int InboxTasks, int Deadlines, int OneByOne)
{
    public bool Measures(string figure) => Only is null || Only == figure;

    public static BenchmarkOptions? Parse(string[] args)
    {
        var n = 4000;
        var concurrency = 8;
        var workers = 8;
        var warmUp = 45;
        var fireJobsPerBatch = new TimerOptions().FireJobsPerBatch;
        var durable = false;
        string? connection = null;
        string? only = null;
        var inboxTasks = 1_000_000;
        var deadlines = 100_000;
        var oneByOne = 2000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--n": n = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--durable": durable = true; break;
                case "--connection": connection = args[++i]; break;
                case "--warmup": warmUp = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--only" when i + 1 < args.Length && args[i + 1] is "starts" or "completions" or "timers" or "hangfire" or "inbox" or "reschedule" or "parser": only = args[++i]; break;
                case "--inbox-tasks": inboxTasks = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--deadlines": deadlines = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--one-by-one": oneByOne = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--fire-jobs-per-batch": fireJobsPerBatch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        return new BenchmarkOptions(n, concurrency, workers, durable, connection, warmUp, fireJobsPerBatch, only, inboxTasks, deadlines, oneByOne);
    }
}

internal static class Workflows
{
    private const string Head = """<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Bench" targetNamespace="urn:bench">""";

    public const string Task = Head + """
        <bpmn:process id="BenchTask" isExecutable="true">
          <bpmn:startEvent id="Start"/><bpmn:userTask id="Work" name="Arbete"/><bpmn:endEvent id="End"/>
          <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Work"/><bpmn:sequenceFlow id="f2" sourceRef="Work" targetRef="End"/>
        </bpmn:process></bpmn:definitions>
        """;

    public const string Timer = Head + """
        <bpmn:process id="BenchTimer" isExecutable="true">
          <bpmn:startEvent id="Start"/>
          <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
          <bpmn:userTask id="AfterTimer" name="Efter timern"/><bpmn:endEvent id="End"/>
          <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait"/><bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="AfterTimer"/>
          <bpmn:sequenceFlow id="f3" sourceRef="AfterTimer" targetRef="End"/>
        </bpmn:process></bpmn:definitions>
        """;
}
