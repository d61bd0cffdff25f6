using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Verkstallighet.Activities;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Simulation;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Host.Simulation;

/// <summary>
/// Simulations of a workflow's draft or version (issue 11, point 5). Each runs on an engine of its own
/// (<see cref="SandboxEngine"/>) in a database of its own (<see cref="SandboxDatabases"/>), on a clock of its own and
/// without Hangfire: what it does never reaches the real cases, timers, clock, queues or inbox. The real database is
/// only read, for the document and the deadline rules. A simulation is its creator's; an administrator may also open it.
/// </summary>
public sealed class SimulationService(
    SandboxDatabases databases,
    DefinitionService definitions,
    IDbContextFactory<WorkflowsDbContext> realContexts,
    IClock realClock,
    IConfiguration configuration)
{
    /// <summary>A list opens each simulation's database; beyond this many, delete some.</summary>
    private const int MaxListed = 100;

    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> gates = new();

    public async Task<SimulationSnapshot> CreateAsync(SimulationStart request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
        {
            throw new BadRequestException("definitionKey is required.");
        }

        var source = request.Version is { } version
            ? await definitions.GetAsync(request.DefinitionKey, version, cancellationToken)
            : await definitions.GetDraftAsync(request.DefinitionKey, cancellationToken);
        var parsed = await definitions.ValidateAsync(source.Xml, cancellationToken);
        if (!parsed.IsValid)
        {
            throw new DefinitionInvalidException(parsed.Problems.Count > 0
                ? parsed.Problems
                : [new ValidationProblem(null, "The document has no executable process to simulate.")]);
        }

        var start = AdvanceTarget.Start(request.Start, realClock.GetCurrentInstant());
        var sampleCase = SampleCase.From(request.Variables, Stockholm.DateOf(start));
        List<DeadlineRule> rules;
        await using (var real = await realContexts.CreateDbContextAsync(cancellationToken))
        {
            rules = await real.DeadlineRules.AsNoTracking().ToListAsync(cancellationToken);
        }

        var id = Guid.CreateVersion7();
        try
        {
            await databases.CreateAsync(id, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ConflictException("Simulations need a database of their own, and the Host's database role may not create one (it needs CREATEDB).");
        }

        try
        {
            await using var engine = await OpenEngineAsync(id, start, parsed.Key, cancellationToken);
            await engine.MigrateAsync(rules, cancellationToken);
            await engine.Get<VerkstallighetStartup>().InitializeAsync(cancellationToken);
            await engine.SaveClockAsync(cancellationToken);
            await engine.Get<DefinitionService>().PublishAsync(source.Xml, actor, "Simulation", cancellationToken);
            var created = await engine.Get<CaseService>().CreateAsync(sampleCase, ActingAs(actor, Roles.Officer, sampleCase.Office), cancellationToken);
            var record = new SimulationRecord(
                id, databases.HomeDatabase, actor.UserId, parsed.Key!, request.Version, created.CaseId, created.InstanceId, start, realClock.GetCurrentInstant());
            await SimulationRecords.SaveAsync(engine.Get<NpgsqlDataSource>(), record, cancellationToken);
            return await SnapshotAsync(engine, record, null, cancellationToken);
        }
        catch
        {
            // A simulation that could not be set up leaves nothing behind.
            await databases.DropAsync(id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The caller's simulations (an administrator's: everyone's), newest first, at most 100.</summary>
    public async Task<IReadOnlyList<SimulationSummary>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        var list = new List<SimulationSummary>();
        foreach (var id in await databases.ListAsync(MaxListed, cancellationToken))
        {
            // Only the row and the clock: no engine is built for a list.
            await using var sandbox = new NpgsqlDataSourceBuilder(databases.ConnectionStringOf(id)).UseNodaTime().Build();
            try
            {
                if (await SimulationRecords.FindAsync(sandbox, cancellationToken) is { } record && record.HomeDatabase == databases.HomeDatabase
                    && (record.Owner == actor.UserId || actor.IsInRole(Roles.Administrator)))
                {
                    list.Add(new SimulationSummary(
                        record.Id, record.Owner, record.DefinitionKey, record.DefinitionVersion, record.Start,
                        await SimulationRecords.ClockAsync(sandbox, cancellationToken), record.CreatedAt));
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                // Deleted since it was listed.
            }
        }

        return list;
    }

    public Task<SimulationSnapshot> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        WithEngineAsync(id, actor, (engine, record) => SnapshotAsync(engine, record, null, cancellationToken), cancellationToken);

    /// <summary>
    /// Completes an open task of the simulation with sample form data, validated as in real use. The sandbox acts as a
    /// person of the task's role at the case's office, and as another person for a chief's task, so a four-eyes rule
    /// holds in the simulation as it does for real.
    /// </summary>
    public Task<SimulationSnapshot> CompleteTaskAsync(Guid id, Guid taskId, JsonObject? data, Actor actor, CancellationToken cancellationToken) =>
        WithEngineAsync(id, actor, async (engine, record) =>
        {
            HumanTask? task;
            await using (var db = await engine.ContextAsync(cancellationToken))
            {
                task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
            }

            if (task is null || task.InstanceId != record.InstanceId)
            {
                throw new NotFoundException($"The simulation has no task {taskId}.");
            }

            var worker = ActingAs(actor, task.CandidateRole, task.Office);
            await engine.Get<WorkflowRuntime>().CompleteTaskAsync(taskId, data ?? [], worker, cancellationToken: cancellationToken);
            return await SnapshotAsync(engine, record, null, cancellationToken);
        }, cancellationToken);

    /// <summary>Sends a message to the simulation's instance, as the case's officer would; 409 when nothing waits for it.</summary>
    public Task<SimulationSnapshot> SendMessageAsync(Guid id, string? name, JsonObject? payload, Actor actor, CancellationToken cancellationToken) =>
        WithEngineAsync(id, actor, async (engine, record) =>
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new BadRequestException("name is required.");
            }

            var office = await OfficeOfAsync(engine, record, cancellationToken);
            await engine.Get<WorkflowRuntime>().SignalAsync(name, record.InstanceId, null, payload, ActingAs(actor, Roles.Officer, office), cancellationToken);
            return await SnapshotAsync(engine, record, null, cancellationToken);
        }, cancellationToken);

    /// <summary>Moves the simulation's clock by a period or to a date, firing the timers due on the way in due order.</summary>
    public Task<SimulationSnapshot> AdvanceAsync(Guid id, string? by, string? to, Actor actor, CancellationToken cancellationToken) =>
        WithEngineAsync(id, actor, async (engine, record) =>
        {
            var target = AdvanceTarget.Of(by, to, engine.Clock.GetCurrentInstant());
            var advance = await SandboxTimeAdvance.ToAsync(engine, target, cancellationToken);
            return await SnapshotAsync(engine, record, advance, cancellationToken);
        }, cancellationToken);

    /// <summary>Deletes the simulation: its database is dropped, and with it everything it did.</summary>
    public async Task DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await WithEngineAsync(id, actor, (_, _) => Task.FromResult(true), cancellationToken);
        var gate = gates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await databases.DropAsync(id, cancellationToken);
        }
        finally
        {
            gate.Release();
            gates.TryRemove(id, out _);
        }
    }

    /// <summary>Opens the simulation's engine for one operation, one at a time per simulation in this process.</summary>
    private async Task<T> WithEngineAsync<T>(Guid id, Actor actor, Func<SandboxEngine, SimulationRecord, Task<T>> work, CancellationToken cancellationToken)
    {
        if (!await databases.ExistsAsync(id, cancellationToken))
        {
            throw new NotFoundException($"Simulation {id} does not exist.");
        }

        var gate = gates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // The stored clock replaces this start at once; the simulation's own time is in its database.
            await using var engine = await OpenEngineAsync(id, SimulatedClock.Earliest, null, cancellationToken);
            var record = await SimulationRecords.FindAsync(engine.Get<NpgsqlDataSource>(), cancellationToken);
            if (record is null || record.HomeDatabase != databases.HomeDatabase)
            {
                throw new NotFoundException($"Simulation {id} does not exist.");
            }

            if (record.Owner != actor.UserId && !actor.IsInRole(Roles.Administrator))
            {
                throw new ForbiddenException($"This simulation belongs to {record.Owner}; only they and administrators may open it.");
            }

            return await work(engine, record);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Deleted by another Host between the look-up and the opening.
            throw new NotFoundException($"Simulation {id} does not exist.");
        }
        finally
        {
            gate.Release();
        }
    }

    private Task<SandboxEngine> OpenEngineAsync(Guid id, Instant start, string? definitionKey, CancellationToken cancellationToken) =>
        SandboxEngine.OpenAsync(
            databases.ConnectionStringOf(id), start, services => SandboxDomain.Add(services, configuration, definitionKey), cancellationToken);

    /// <summary>Someone in the sandbox: the process owner acting in a role, a different person per role.</summary>
    private static Actor ActingAs(Actor owner, string role, string? office) =>
        new($"{owner.UserId}:{role.ToLowerInvariant()}", role == Roles.Chief ? new HashSet<string> { Roles.Chief, Roles.Officer } : new HashSet<string> { role }, office);

    private static async Task<string?> OfficeOfAsync(SandboxEngine engine, SimulationRecord record, CancellationToken cancellationToken)
    {
        await using var db = await engine.ContextAsync(cancellationToken);
        return await db.Instances.AsNoTracking().Where(i => i.Id == record.InstanceId).Select(i => i.Office).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<SimulationSnapshot> SnapshotAsync(SandboxEngine engine, SimulationRecord record, SandboxAdvanceResult? advance, CancellationToken cancellationToken)
    {
        var queries = engine.Get<InstanceQueries>();
        var view = await queries.GetAsync(record.InstanceId, cancellationToken);
        var dueStatuses = await engine.Get<TaskDueStatuses>().OfAsync(view.OpenTasks, cancellationToken);
        var registry = engine.Get<ActivityRegistry>();
        var activities = new Dictionary<string, ActivityDescriptor>();
        foreach (var task in view.OpenTasks)
        {
            if (registry.TryGet(task.ActivityType, out var descriptor))
            {
                activities[task.ActivityType] = descriptor;
            }
        }

        var now = engine.Clock.GetCurrentInstant();
        var today = Stockholm.DateOf(now);
        var deadlines = await queries.DeadlinesAsync(record.InstanceId, today, cancellationToken);
        var journal = await queries.JournalAsync(record.InstanceId, cancellationToken);
        return new SimulationSnapshot(record, now, today, view, dueStatuses, activities, deadlines, journal, advance);
    }
}
