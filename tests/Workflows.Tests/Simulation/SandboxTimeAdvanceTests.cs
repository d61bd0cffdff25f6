using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Simulation;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests.Simulation;

/// <summary>A sandbox engine's clock and timers: no Hangfire, timers fired in due order at their due time, a bounded advance.</summary>
public sealed class SandboxTimeAdvanceTests : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 30, 23, 0); // 2026-01-31 00:00 in Stockholm
    private string connectionString = null!;
    private SandboxEngine engine = null!;
    private Guid instanceId;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync();
        engine = await OpenAsync();
        await engine.MigrateAsync([], CancellationToken.None);
        await engine.Get<DefinitionService>().PublishAsync(BpmnFiles.Read("boundary-timer-noninterrupting.bpmn"), Actors.ProcessOwner);
        var started = await engine.Get<WorkflowRuntime>().StartAsync(
            "BoundaryTimerNonInterrupting", new JsonObject { ["supervisionStart"] = "2026-01-31" }, null, Actors.Officer);
        instanceId = started.InstanceId;
    }

    public async Task DisposeAsync() => await engine.DisposeAsync();

    private Task<SandboxEngine> OpenAsync() => SandboxEngine.OpenAsync(connectionString, Start, services =>
    {
        services.Configure<InstanceAccessOptions>(access =>
        {
            access.AllOfficesRoles.UnionWith(["ProcessOwner", "Administrator"]);
            access.OfficeVariable = "office";
        });
        services.Configure<WorkflowRuntimeOptions>(runtime => runtime.DefaultCandidateRole = "Officer");
        services.AddSingleton(new DeadlineRuleSeed("TestMonth", "P1M", "Test 1 §", "En månad från ankaret.", new LocalDate(2000, 1, 1)));
    }, CancellationToken.None);

    [Fact]
    public void SandboxEngine_HasNoHangfire_SoNothingCanReachAJobQueue()
    {
        Assert.Null(engine.Services.GetService<IBackgroundJobClient>());
        Assert.Null(engine.Services.GetService<JobStorage>());
        Assert.Null(engine.Services.GetService<IRecurringJobManager>());
    }

    [Fact]
    public async Task Advance_FiresEveryDueTimerInDueOrder_EachAtItsDueTime()
    {
        var result = await SandboxTimeAdvance.ToAsync(engine, Start.Plus(Duration.FromDays(60)), CancellationToken.None);

        // The weekly nag twice (R2/P1W), then the deadline at the start of the day after 28 February.
        Assert.Equal(
            [("Nag", Start.Plus(Duration.FromDays(7))), ("Nag", Start.Plus(Duration.FromDays(14))), ("Overdue", Instant.FromUtc(2026, 2, 28, 23, 0))],
            result.Fired.Select(f => (f.ElementId, f.DueAt)).ToList());
        Assert.All(result.Fired, f => Assert.Equal(TimerFireOutcome.Fired, f.Outcome));
        Assert.False(result.StoppedAtLimit);
        Assert.Equal(Start.Plus(Duration.FromDays(60)), result.Now);
        var journal = await engine.Get<InstanceQueries>().JournalAsync(instanceId);
        Assert.Equal(result.Fired.Select(f => f.DueAt), journal.Where(j => j.Kind == JournalKinds.TimerFired).Select(j => j.At));
        var escalation = Assert.Single(await engine.Get<InstanceQueries>().OpenTasksAsync(instanceId), t => t.ElementId == "Escalate");
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 23, 0), escalation.CreatedAt);
    }

    [Fact]
    public async Task Advance_StopsAtTheLimit_WithTheClockAtTheLastTimerItFired()
    {
        var result = await SandboxTimeAdvance.ToAsync(engine, Start.Plus(Duration.FromDays(60)), CancellationToken.None, maxFirings: 1);

        Assert.True(result.StoppedAtLimit);
        var fired = Assert.Single(result.Fired);
        Assert.Equal(fired.DueAt, result.Now);
        await using var db = await engine.ContextAsync(CancellationToken.None);
        Assert.Equal(2, await db.Timers.CountAsync(t => t.Status == TimerStatus.Pending && t.DueAt <= Start.Plus(Duration.FromDays(60))));
    }

    [Fact]
    public async Task Clock_IsStoredWithTheSandbox_SoAnotherEngineOnItGoesOnFromThere()
    {
        var result = await SandboxTimeAdvance.ToAsync(engine, Start.Plus(Duration.FromDays(10)), CancellationToken.None);

        await using var reopened = await SandboxEngine.OpenAsync(connectionString, SimulatedClock.Earliest, _ => { }, CancellationToken.None);

        Assert.Equal(result.Now, reopened.Clock.GetCurrentInstant());
    }

    [Fact]
    public async Task Advance_RefusesToGoBack()
    {
        await Assert.ThrowsAsync<BadRequestException>(() => SandboxTimeAdvance.ToAsync(engine, Start - Duration.FromDays(1), CancellationToken.None));
    }
}
