using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Scheduling;
using Verkstallighet.Workflows.Hosting;

namespace Verkstallighet.Tests.Support;

/// <summary>The engine wired as the Host wires it, on a fresh database and a simulated clock; optionally with a Hangfire server.</summary>
public sealed class TestEngine : IAsyncDisposable
{
    public static readonly Instant DefaultStart = Instant.FromUtc(2026, 1, 31, 8, 0);

    private readonly IHost host;
    private readonly bool started;

    private TestEngine(IHost host, string connectionString, bool started)
    {
        this.host = host;
        this.started = started;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public IServiceProvider Services => host.Services;

    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();

    public DefinitionService Definitions => Services.GetRequiredService<DefinitionService>();

    public TaskInbox Inbox => Services.GetRequiredService<TaskInbox>();

    public InstanceQueries Instances => Services.GetRequiredService<InstanceQueries>();

    public SimulatedClock Clock => Services.GetRequiredService<SimulatedClock>();

    public TimerSweeper Sweeper => Services.GetRequiredService<TimerSweeper>();

    public static async Task<TestEngine> StartAsync(
        bool hangfire = false,
        string? connectionString = null,
        Instant? clockStart = null,
        Action<IServiceCollection>? configure = null,
        string? serverName = null)
    {
        connectionString ??= await TestPostgres.CreateDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // Hangfire keeps one process-wide log provider built on the first host's logger factory; a factory that is never
        // disposed keeps it usable after that host is gone, when several engines come and go in one test process.
        builder.Services.AddSingleton<ILoggerFactory>(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        builder.Services.AddWorkflows(new WorkflowsOptions
        {
            ConnectionString = connectionString,
            SimulatedClock = true,
            SimulatedClockStart = clockStart ?? DefaultStart,
            RunHangfireServer = hangfire,
            HangfireWorkers = 4,
            ServerName = serverName,
        });
        builder.Services.AddActivity<FlakyActivity>();
        // The engine's own role and office model for its tests; the domain's lives in src/Activities.
        builder.Services.Configure<InstanceAccessOptions>(access =>
        {
            access.AllOfficesRoles.UnionWith(["ProcessOwner", "Administrator"]);
            access.RuleAdministratorRoles.Add("Administrator");
            access.MigrationRoles.UnionWith(["ProcessOwner", "Administrator"]);
            access.OfficeVariable = "office";
        });
        builder.Services.Configure<WorkflowRuntimeOptions>(runtime => runtime.DefaultCandidateRole = "Officer");
        builder.Services.AddSingleton(new DeadlineRuleSeed("TestMonth", "P1M", "Test 1 §", "En månad från ankaret.", new LocalDate(2000, 1, 1)));
        builder.Services.AddSingleton(new DeadlineRuleSeed("TestWorkingDay", "P1M", "Test 2 §", "En månad, flyttas till nästa arbetsdag.", new LocalDate(2000, 1, 1), MoveToNextWorkingDay: true));
        // As KVFS 2011:5 16 § counts a plan's follow-up, with a reminder a week before the due date.
        builder.Services.AddSingleton(new DeadlineRuleSeed("TestReminder", "P1M", "KVFS 2011:5 16 §", "En månad, påminnelse en vecka före.", new LocalDate(2000, 1, 1), ReminderLeadTime: "P1W"));
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<WorkflowsStartup>().InitializeAsync();
        if (hangfire)
        {
            await host.StartAsync();
        }

        return new TestEngine(host, connectionString, hangfire);
    }

    public WorkflowsDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContext();

    public Task<WorkflowDefinition> PublishFileAsync(string name) =>
        Definitions.PublishAsync(BpmnFiles.Read(name), Actors.ProcessOwner);

    /// <summary>
    /// Starts as an officer. The office is the starter's, never a variable: an <c>office</c> given here names the office
    /// of the officer who starts it.
    /// </summary>
    public Task<StepResult> StartAsync(string key, object? variables = null, string? correlationId = null)
    {
        var json = ToJson(variables);
        var office = (string?)json?["office"];
        json?.Remove("office");
        return Runtime.StartAsync(key, json, correlationId, office is null ? Actors.Officer : Actors.Officer with { Office = office });
    }

    public async Task<IReadOnlyList<HumanTask>> OpenTasksAsync(Guid instanceId)
    {
        await using var db = CreateDbContext();
        return await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == HumanTaskStatus.Open).OrderBy(t => t.CreatedAt).ThenBy(t => t.ElementId).ToListAsync();
    }

    public async Task<HumanTask> OpenTaskAsync(Guid instanceId, string elementId) =>
        (await OpenTasksAsync(instanceId)).Single(t => t.ElementId == elementId);

    public Task<StepResult> CompleteAsync(HumanTask task, object? data = null, Actor? actor = null) =>
        Runtime.CompleteTaskAsync(task.Id, ToJson(data) ?? [], actor ?? Actors.Officer);

    public async Task<WorkflowInstance> InstanceAsync(Guid id)
    {
        await using var db = CreateDbContext();
        return await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public async Task<JsonObject> VariablesAsync(Guid id) => (JsonNode.Parse((await InstanceAsync(id)).Variables) as JsonObject)!;

    public async Task<IReadOnlyList<WorkflowTimer>> PendingTimersAsync(Guid? instanceId = null)
    {
        await using var db = CreateDbContext();
        return await db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending && (instanceId == null || t.InstanceId == instanceId)).OrderBy(t => t.DueAt).ToListAsync();
    }

    public async Task<IReadOnlyList<Incident>> OpenIncidentsAsync(Guid instanceId)
    {
        await using var db = CreateDbContext();
        return await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId && i.ResolvedAt == null).ToListAsync();
    }

    /// <summary>Fires a pending timer directly through the runtime, as its Hangfire job would.</summary>
    public Task<TimerFireOutcome> FireAsync(WorkflowTimer timer) => Runtime.FireTimerAsync(timer.Id, timer.Version);

    /// <summary>Moves the clock to the timer's due time and fires it.</summary>
    public async Task FireNextAsync(Guid instanceId, string elementId)
    {
        var timer = (await PendingTimersAsync(instanceId)).Single(t => t.ElementId == elementId);
        if (timer.DueAt > Clock.GetCurrentInstant())
        {
            Clock.AdvanceTo(timer.DueAt);
        }

        Assert.Equal(TimerFireOutcome.Fired, await FireAsync(timer));
    }

    public static JsonObject? ToJson(object? value) => value switch
    {
        null => null,
        JsonObject json => json,
        _ => System.Text.Json.JsonSerializer.SerializeToNode(value, Verkstallighet.Workflows.Json.WorkflowJson.Options) as JsonObject,
    };

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await host.StopAsync();
        }

        host.Dispose();
    }
}

public static class Actors
{
    public static Actor Officer { get; } = new("anna", new HashSet<string> { "Officer" }, "Stockholm");

    public static Actor OtherOfficer { get; } = new("olle", new HashSet<string> { "Officer" }, "Stockholm");

    public static Actor Chief { get; } = new("bertil", new HashSet<string> { "Chief", "Officer" }, "Stockholm");

    public static Actor OfficerElsewhere { get; } = new("erik", new HashSet<string> { "Officer" }, "Göteborg");

    public static Actor ProcessOwner { get; } = new("cecilia", new HashSet<string> { "ProcessOwner" }, null);
}

public static class BpmnFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bpmn", name));
}
