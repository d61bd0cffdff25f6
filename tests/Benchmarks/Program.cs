using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

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
          --only <figure>        measure only starts, completions, timers or hangfire
        """);
    return 0;
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
using var host = builder.Build();
await host.Services.GetRequiredService<WorkflowsStartup>().InitializeAsync();
await host.StartAsync();

var definitions = host.Services.GetRequiredService<DefinitionService>();
var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
var sweeper = host.Services.GetRequiredService<TimerSweeper>();
var clock = host.Services.GetRequiredService<SimulatedClock>();
var contexts = host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
var actor = new Actor("bench", new HashSet<string> { "Officer" }, "Bench");
await definitions.PublishAsync(Workflows.Task, Actor.System);
await definitions.PublishAsync(Workflows.Timer, Actor.System);

Console.WriteLine($"# {Environment.ProcessorCount} cores, PostgreSQL {(cluster is null ? "given" : options.Durable ? "throwaway, durable (fsync on)" : "throwaway, fsync and synchronous_commit off")} on the same machine, n={options.N}, concurrency={options.Concurrency}, hangfire workers={options.Workers}, fire jobs per batch={options.FireJobsPerBatch}, warm-up {options.WarmUpSeconds} s");

// Warm-up until the JIT has settled (tiered compilation recompiles hot methods after some calls), pools are full and
// the model cache is filled, on every path that is measured; the figures are for a Host in steady state.
var watch = new Stopwatch();
var warmUp = Stopwatch.StartNew();
while (warmUp.Elapsed < TimeSpan.FromSeconds(options.WarmUpSeconds))
{
    var warm = await RunConcurrent(500, options.Concurrency, _ => runtime.StartAsync("BenchTask", null, null, actor));
    await RunConcurrent(warm.Count, options.Concurrency, i => runtime.CompleteTaskAsync(warm[i].OpenedTaskIds[0], [], actor));
    if (options.Measures("timers"))
    {
        await FireTimersAsync(500);
    }
}

if (options.Measures("starts") || options.Measures("completions"))
{
    StartMeasuring();
    var started = await RunConcurrent(options.N, options.Concurrency, _ => runtime.StartAsync("BenchTask", null, null, actor));
    Report("instances started/s", options.N, watch.Elapsed.TotalSeconds, "start to first user task stored");

    StartMeasuring();
    await RunConcurrent(started.Count, options.Concurrency, i => runtime.CompleteTaskAsync(started[i].OpenedTaskIds[0], [], actor));
    Report("task completions/s", started.Count, watch.Elapsed.TotalSeconds, "completion to instance ended");
}

if (options.Measures("timers"))
{
    var (fired, seconds, tasks) = await FireTimersAsync(options.N);
    Report("timers fired/s", fired, seconds, $"sweep + Hangfire fire jobs + one step per timer; {tasks} follow-up tasks opened");
}

if (options.Measures("hangfire"))
{
    // The ceiling Hangfire itself sets here: jobs that do nothing, through the same storage and workers.
    var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
    StartMeasuring();
    for (var i = 0; i < options.N; i++)
    {
        jobs.Enqueue<NoOpJob>(job => job.Run());
    }

    while (NoOpJob.Count < options.N && watch.Elapsed < TimeSpan.FromMinutes(10))
    {
        await Task.Delay(20);
    }

    Report("hangfire no-op jobs/s", NoOpJob.Count, watch.Elapsed.TotalSeconds, "enqueue + process, for reference: the ceiling of one Hangfire job per timer");
}

await host.StopAsync();
return 0;

// Instances waiting on a one-hour timer (set-up, not timed), then the clock jumps past them all and the sweep hands
// them to Hangfire. Timed until every one of them has fired.
async Task<(int Fired, double Seconds, int TasksOpened)> FireTimersAsync(int count)
{
    var waiting = await RunConcurrent(count, options.Concurrency, _ => runtime.StartAsync("BenchTimer", null, null, actor));
    var ids = waiting.Select(w => w.InstanceId).ToList();
    StartMeasuring();
    clock.AdvanceBy(Duration.FromHours(2));
    int fired;
    do
    {
        await sweeper.SweepUntilIdleAsync(TimeSpan.FromMinutes(10));
        await using var db = await contexts.CreateDbContextAsync();
        fired = await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired && EF.Parameter(ids).Contains(t.InstanceId!.Value));
    }
    while (fired < count && watch.Elapsed < TimeSpan.FromMinutes(20));

    var seconds = watch.Elapsed.TotalSeconds;
    await using var check = await contexts.CreateDbContextAsync();
    var tasks = await check.Tasks.CountAsync(t => t.Status == HumanTaskStatus.Open && t.ElementId == "AfterTimer" && EF.Parameter(ids).Contains(t.InstanceId));
    return (fired, seconds, tasks);
}

void StartMeasuring()
{
    LastCpu.Value = Process.GetCurrentProcess().TotalProcessorTime;
    watch.Restart();
}

static void Report(string what, int count, double seconds, string note)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var used = cpu - LastCpu.Value;
    LastCpu.Value = cpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {count / seconds:F0} ({count} in {seconds:F2} s; {note}; this process used {used.TotalMilliseconds / count:F2} ms CPU per item)"));
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

internal static class LastCpu
{
    public static TimeSpan Value { get; set; }
}

internal sealed record BenchmarkOptions(int N, int Concurrency, int Workers, bool Durable, string? Connection, int WarmUpSeconds, int FireJobsPerBatch, string? Only)
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
                case "--only" when i + 1 < args.Length && args[i + 1] is "starts" or "completions" or "timers" or "hangfire": only = args[++i]; break;
                case "--fire-jobs-per-batch": fireJobsPerBatch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        return new BenchmarkOptions(n, concurrency, workers, durable, connection, warmUp, fireJobsPerBatch, only);
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
