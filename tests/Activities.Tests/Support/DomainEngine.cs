using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Tests.Support;

/// <summary>The engine with the domain registered, on a fresh database, with the shipped workflows published.</summary>
public sealed class DomainEngine : IAsyncDisposable
{
    private DomainEngine(TestEngine engine) => Engine = engine;

    public TestEngine Engine { get; }

    public CaseService Cases => Engine.Services.GetRequiredService<CaseService>();

    public static readonly Actor Anna = new("anna", new HashSet<string> { Roles.Officer }, "Stockholm City");
    public static readonly Actor Bertil = new("bertil", new HashSet<string> { Roles.Chief, Roles.Officer }, "Stockholm City");
    public static readonly Actor Erik = new("erik", new HashSet<string> { Roles.Officer }, "Göteborg");

    /// <summary>With <paramref name="hangfire"/>, timers are fired as in production: the sweep and Hangfire's fire jobs.</summary>
    public static async Task<DomainEngine> StartAsync(bool hangfire = false)
    {
        var engine = await TestEngine.StartAsync(hangfire: hangfire, configure: services => services.AddVerkstallighetActivities());
        await engine.Services.GetRequiredService<VerkstallighetStartup>().InitializeAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Workflows"), "*.bpmn"))
        {
            await engine.Definitions.PublishAsync(await File.ReadAllTextAsync(file), Actors.ProcessOwner);
        }

        return new DomainEngine(engine);
    }

    public async Task<Guid> CreateCaseAsync(Sanction sanction = Sanction.Skyddstillsyn, Actor? actor = null)
    {
        var created = await Cases.CreateAsync(new CreateCaseRequest(
            "Kim Karlsson", "19850315-2384", null, sanction,
            JudgmentEnforceable: new LocalDate(2026, 1, 20),
            SupervisionStart: new LocalDate(2026, 1, 31),
            SupervisionEnd: new LocalDate(2027, 1, 30),
            ReleaseDate: sanction == Sanction.VillkorligFrigivning ? new LocalDate(2026, 1, 31) : null,
            CommunityServiceHours: sanction == Sanction.VillkorligDom ? 80 : null), actor ?? Anna);
        return created.CaseId;
    }

    public async Task<HumanTask> TaskAsync(Guid caseId, string elementId)
    {
        await using var db = Engine.CreateDbContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.CorrelationId == caseId.ToString() && t.ElementId == elementId && t.Status == HumanTaskStatus.Open);
    }

    public async Task CompleteAsync(Guid caseId, string elementId, object data, Actor? actor = null) =>
        await Engine.Runtime.CompleteTaskAsync((await TaskAsync(caseId, elementId)).Id, TestEngine.ToJson(data)!, actor ?? Anna);

    public async Task<FormInvalidException> RefusedAsync(Guid caseId, string elementId, object data, Actor? actor = null) =>
        await Assert.ThrowsAsync<FormInvalidException>(() => CompleteAsync(caseId, elementId, data, actor));

    public async Task<VerkstallighetDbContext> DomainAsync() =>
        await Engine.Services.GetRequiredService<IDbContextFactory<VerkstallighetDbContext>>().CreateDbContextAsync();

    public static object Assessment() => new
    {
        riskLevel = "Medel",
        factors = Enum.GetNames<Verkstallighet.Activities.Assessments.RiskFactor>().Select(f => new { factor = f, assessment = "Bedömd." }),
        riskManagementMeasures = "Täta besök.",
        needs = "Sysselsättning.",
    };

    public static JsonObject Measure(string due = "2026-06-30") => new()
    {
        ["description"] = "Delta i programmet Återfallsprevention",
        ["area"] = "Brottslighet",
        ["responsible"] = "Frivården",
        ["dueDate"] = due,
        ["followUpMethod"] = "Samtal med programledaren",
    };

    /// <summary>A chief's decision to establish the plan, at a kollegium held that day with those who took part (12 §).</summary>
    public static object Establishment(string kollegiumDate = "2026-01-31") => new
    {
        decision = "Establish",
        kollegiumDate,
        kollegiumParticipants = new[] { "Bertil Berg", "Anna Andersson" },
    };

    public async Task EstablishPlanAsync(Guid caseId)
    {
        await CompleteAsync(caseId, "Assess", Assessment());
        await CompleteAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures = new[] { Measure() } });
        await CompleteAsync(caseId, "PlanEstablish", Establishment(), Bertil);
    }

    /// <summary>Moves the clock and fires, through the sweep and Hangfire, every timer that has become due; none may be left pending.</summary>
    public async Task AdvanceToAsync(Instant to)
    {
        Engine.Clock.AdvanceTo(to);
        var swept = await Engine.Sweeper.SweepUntilIdleAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, swept.StillPending);
    }

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
