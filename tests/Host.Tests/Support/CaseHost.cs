using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Tests.Support;

/// <summary>The Host with the shipped workflows, and the steps of a supervision case through the HTTP API.</summary>
public sealed class CaseHost : IAsyncDisposable
{
    private CaseHost(HostFactory host) => Host = host;

    public HostFactory Host { get; }

    public static async Task<CaseHost> StartAsync(Microsoft.Extensions.Logging.ILoggerFactory? logging = null, bool kestrel = false,
        Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null) =>
        new(await HostFactory.StartAsync(seedDirectory: Path.Combine(AppContext.BaseDirectory, "Workflows"), logging: logging, kestrel: kestrel, configure: configure));

    public const string Personnummer = "19850315-2384";

    public async Task<string> CreateCaseAsync(string user = "anna", string sanction = "Skyddstillsyn", string start = "2026-01-31", string end = "2027-01-30", object? extra = null)
    {
        var body = new JsonObject
        {
            ["clientName"] = "Kim Karlsson",
            ["personnummer"] = Personnummer,
            ["sanction"] = sanction,
            ["supervisionStart"] = start,
            ["supervisionEnd"] = end,
        };
        if (sanction == "VillkorligFrigivning")
        {
            body["releaseDate"] = start;
        }

        if (sanction == "VillkorligDom")
        {
            body["judgmentEnforceable"] = start;
            body["communityServiceHours"] = 80;
        }

        foreach (var (key, value) in extra is null ? [] : System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var created = await (await Host.As(user).PostJsonAsync("/api/cases", body)).OkJsonAsync();
        return (string)created["caseId"]!;
    }

    public async Task<JsonNode> CaseAsync(string caseId, string user = "anna") =>
        await (await Host.As(user).GetAsync($"/api/cases/{caseId}")).OkJsonAsync();

    /// <summary>The open task of the case at that element, as the case shows it.</summary>
    public async Task<JsonNode> TaskAsync(string caseId, string elementId, string user = "anna")
    {
        var tasks = (await CaseAsync(caseId, user))["openTasks"]!.AsArray();
        return tasks.SingleOrDefault(t => (string?)t!["elementId"] == elementId)
               ?? throw new InvalidOperationException($"No open task '{elementId}'. Open: {string.Join(", ", tasks.Select(t => (string?)t!["elementId"]))}");
    }

    public async Task<bool> HasTaskAsync(string caseId, string elementId, string user = "anna") =>
        (await CaseAsync(caseId, user))["openTasks"]!.AsArray().Any(t => (string?)t!["elementId"] == elementId);

    public Task<HttpResponseMessage> CompleteAsync(string caseId, string elementId, object data, string user = "anna") =>
        CompleteTaskAsync(caseId, elementId, data, user, user);

    public async Task<HttpResponseMessage> CompleteTaskAsync(string caseId, string elementId, object data, string reader, string user)
    {
        var task = await TaskAsync(caseId, elementId, reader);
        return await Host.As(user).PostJsonAsync($"/api/tasks/{(string)task["id"]!}/complete", new { data });
    }

    public async Task DoAsync(string caseId, string elementId, object data, string user = "anna") =>
        await (await CompleteAsync(caseId, elementId, data, user)).OkJsonAsync();

    /// <summary>
    /// Advances the simulated clock and asserts that every timer due by then has run, so that "no task after the
    /// advance" means the timers ran and opened none, not that they had yet to run.
    /// </summary>
    public async Task<JsonNode> AdvanceAsync(string to)
    {
        var advanced = await (await Host.As("david").PostJsonAsync("/api/clock/advance", new { to })).OkJsonAsync();
        Assert.True((int)advanced["timersStillPending"]! == 0, $"Due timers still pending after the advance to {to}: {advanced.ToJsonString()}");
        return advanced;
    }

    /// <summary>
    /// A version of a rule with the same period and a reminder lead time, in effect from before the cases' supervision
    /// starts (31 January 2026), so their deadlines count with it.
    /// </summary>
    public async Task AddReminderLeadTimeAsync(string rule, string leadTime, string period = "P1M") =>
        await (await Host.As("david").PostJsonAsync($"/api/deadline-rules/{rule}/versions", new
        {
            period, effectiveFrom = "2026-01-01", confirmPastEffectiveDate = true, reminderLeadTime = leadTime,
            reason = "Påminnelse före fristen.",
        })).OkJsonAsync();

    public Task<HttpResponseMessage> EventAsync(string caseId, string name, object? payload = null, string user = "anna") =>
        Host.As(user).PostJsonAsync($"/api/cases/{caseId}/events", new { name, payload });

    public async Task<JsonNode> DeadlineAsync(string caseId, string rule) =>
        (await CaseAsync(caseId))["deadlines"]!.AsArray().Last(d => (string?)d!["rule"] == rule)!;

    public static object Assessment(string level = "Medel") => new
    {
        riskLevel = level,
        factors = new[] { "CriminalHistory", "AttitudesTowardsCrime", "FamilySituation", "Associates", "EducationAndEmployment", "SubstanceMisuse" }
            .Select(f => new { factor = f, assessment = "Bedömd vid samtal." }),
        riskManagementMeasures = "Täta besök under de första månaderna.",
        needs = "Stöd till sysselsättning.",
    };

    public static object Draft(string due = "2026-06-30") => new
    {
        clientParticipation = "Yes",
        measures = new object[]
        {
            new { description = "Delta i programmet Återfallsprevention", area = "Brottslighet", responsible = "Frivården", dueDate = due, followUpMethod = "Kontakt med programledaren varje månad" },
            new { description = "Skriva in sig hos Arbetsförmedlingen", area = "Sysselsättning", responsible = "Arbetsförmedlingen", dueDate = "2026-03-31", followUpMethod = "Intyg från Arbetsförmedlingen" },
        },
    };

    /// <summary>A chief's decision to establish the plan, at a kollegium held that day with those who took part (12 §).</summary>
    public static object Establishment(string kollegiumDate = "2026-01-31") => new
    {
        decision = "Establish",
        kollegiumDate,
        kollegiumParticipants = new[] { "Bertil Berg", "Anna Andersson" },
    };

    /// <summary>Risk assessment by anna, plan drafted by anna and established by bertil.</summary>
    public async Task EstablishPlanAsync(string caseId)
    {
        await DoAsync(caseId, "Assess", Assessment());
        await DoAsync(caseId, "PlanDraft", Draft());
        await DoAsync(caseId, "PlanEstablish", Establishment(), "bertil");
    }

    public async Task<JsonObject> FollowUpAllAsync(string caseId, string status = "Pågår")
    {
        var plan = (await CaseAsync(caseId))["currentPlan"]!;
        return new JsonObject
        {
            ["measures"] = new JsonArray(plan["measures"]!.AsArray().Select(m => (JsonNode)new JsonObject { ["measureId"] = (string)m!["id"]!, ["status"] = status, ["note"] = "Enligt plan." }).ToArray()),
        };
    }

    /// <summary>The case's access log as "user kind what" lines, oldest first, read straight from the table.</summary>
    public async Task<List<string>> AccessLogAsync(string caseId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT user_id || ' ' || kind || ' ' || what FROM verkstallighet.access_log WHERE case_id = @id ORDER BY id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(caseId));
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public async Task<string> InstanceIdAsync(string caseId) => (string)(await CaseAsync(caseId))["workflowInstanceId"]!;

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
