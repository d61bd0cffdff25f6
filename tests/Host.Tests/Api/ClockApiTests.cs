using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

public sealed class ClockApiTests
{
    [Fact]
    public async Task AdvancingTheSimulatedClock_FiresDueDeadlinesThroughHangfire_AtOnce()
    {
        await using var host = await HostFactory.StartAsync();
        await (await host.As("cecilia").PostXmlAsync("/api/definitions", HttpJson.Read("Tour", "granskning.bpmn"))).OkJsonAsync();
        var started = await (await host.As("anna").PostJsonAsync("/api/instances", new
        {
            definitionKey = "Granskning",
            variables = new { receivedDate = "2026-01-31" },
        })).OkJsonAsync();
        var admin = host.As("david");

        var dueDay = await (await admin.PostJsonAsync("/api/clock/advance", new { to = "2026-02-28T23:59:00+01:00" })).OkJsonAsync();
        Assert.Equal((0, 0), ((int)dueDay["timersFired"]!, (int)dueDay["timersStillPending"]!));
        var overdue = await (await admin.PostJsonAsync("/api/clock/advance", new { by = "PT1M" })).OkJsonAsync();

        Assert.Equal("2026-03-01", (string?)overdue["today"]);
        Assert.Equal((1, 0), ((int)overdue["timersFired"]!, (int)overdue["timersStillPending"]!));
        var chiefTasks = await (await host.As("bertil").GetAsync("/api/tasks?role=Chief")).OkJsonAsync();
        var escalation = Assert.Single(chiefTasks.AsArray());
        Assert.Equal("Escalate", (string?)escalation!["elementId"]);
        Assert.Equal((string?)started["instanceId"], (string?)escalation["instanceId"]);
        var clock = await (await admin.GetAsync("/api/clock")).OkJsonAsync();
        Assert.True((bool)clock["simulated"]!);
    }

    [Fact]
    public async Task Advance_CountsADueTimerThatCanNoLongerFire_AsStillPending()
    {
        await using var host = await HostFactory.StartAsync();
        var instanceId = await StartGranskningAsync(host);
        // Every attempt used up (its jobs kept failing): it stays Pending, waiting for someone to retry its incident.
        await ExecuteAsync(host, "UPDATE workflows.timers SET attempts = 5 WHERE instance_id = @id", instanceId);

        var advanced = await (await host.As("david").PostJsonAsync("/api/clock/advance", new { to = "2026-03-02" })).OkJsonAsync();

        Assert.Equal((0, 0, 1), ((int)advanced["timersClaimed"]!, (int)advanced["timersFired"]!, (int)advanced["timersStillPending"]!));
    }

    [Fact]
    public async Task Advance_TakesOverADueTimerLeasedByAHostThatStopsBeating_AndAnswersOnceItFired()
    {
        await using var host = await HostFactory.StartAsync();
        var instanceId = await StartGranskningAsync(host);
        var other = Guid.NewGuid();
        await ExecuteAsync(host, "INSERT INTO workflows.timer_lease_holders (id, name, started_at, heartbeat_at) VALUES (@id, 'other', now(), now())", other);
        await ExecuteAsync(host, $"UPDATE workflows.timers SET locked_by = '{other}', locked_until = now() + interval '2 minutes', attempts = 1 WHERE instance_id = @id", instanceId);

        // The advance moves the clock and then sweeps; while the other Host beats, it waits (up to 30 s) for its timer.
        var advance = host.As("david").PostJsonAsync("/api/clock/advance", new { to = "2026-03-02" });
        while ((string?)(await (await host.As("david").GetAsync("/api/clock")).OkJsonAsync())["today"] != "2026-03-02")
        {
            Assert.False(advance.IsCompleted, "The advance answered before the clock moved.");
            await Task.Delay(20);
        }

        await ExecuteAsync(host, "UPDATE workflows.timer_lease_holders SET heartbeat_at = now() - interval '1 minute' WHERE id = @id", other);
        var advanced = await (await advance).OkJsonAsync();

        // The advance's own sweep usually takes the timer over; the Host's recurring sweep may get there first, and then the
        // advance has claimed nothing but still answers only once the timer has fired.
        var (claimed, fired, stillPending) = ((int)advanced["timersClaimed"]!, (int)advanced["timersFired"]!, (int)advanced["timersStillPending"]!);
        Assert.True((claimed, fired) is (1, 1) or (0, 0), advanced.ToJsonString());
        Assert.Equal(0, stillPending);
        Assert.Equal("1", await ScalarAsync(host, "SELECT count(*)::text FROM workflows.timers WHERE instance_id = @id AND status = 'Fired'", instanceId));
    }

    [Fact]
    public async Task Advance_IsForAdministrators_AndNeverGoesBack()
    {
        await using var host = await HostFactory.StartAsync();

        var officer = await host.As("anna").PostJsonAsync("/api/clock/advance", new { by = "P1D" });
        var back = await host.As("david").PostJsonAsync("/api/clock/advance", new { to = "2020-01-01" });
        var both = await host.As("david").PostJsonAsync("/api/clock/advance", new { by = "P1D", to = "2030-01-01" });
        var nonsense = await host.As("david").PostJsonAsync("/api/clock/advance", new { by = "a while" });

        Assert.Contains("Administrator", (string)(await officer.ProblemAsync(403))["detail"]!);
        Assert.Contains("never goes back", (string)(await back.ProblemAsync(400))["detail"]!);
        await both.ProblemAsync(400);
        await nonsense.ProblemAsync(400);
    }

    [Theory]
    [InlineData("by", "P99999Y")]
    [InlineData("by", "P7000Y")]
    [InlineData("to", "9999-12-31T23:59:59Z")]
    [InlineData("to", "9000-06-01")]
    public async Task Advance_PastWhatTheClockCanShow_Answers400_AndChangesNothing(string field, string value)
    {
        await using var host = await HostFactory.StartAsync();
        var admin = host.As("david");
        var before = await (await admin.GetAsync("/api/clock")).OkJsonAsync();

        var refused = await admin.PostJsonAsync("/api/clock/advance", new Dictionary<string, string> { [field] = value });

        Assert.Contains("did not move", (string)(await refused.ProblemAsync(400))["detail"]!);
        var after = await (await admin.GetAsync("/api/clock")).OkJsonAsync();
        Assert.Equal((string?)before["now"], (string?)after["now"]);
        await using (var db = new Npgsql.NpgsqlDataSourceBuilder(host.ConnectionString).Build())
        {
            await using var stored = db.CreateCommand("SELECT count(*) FROM workflows.clock_state");
            Assert.Equal(0L, (long)(await stored.ExecuteScalarAsync())!);
        }

        var nextDay = await (await admin.PostJsonAsync("/api/clock/advance", new { by = "P1D" })).OkJsonAsync();
        Assert.Equal("2026-02-01", (string?)nextDay["today"]);
        await (await host.As("anna").GetAsync("/api/tasks?filter=office")).OkJsonAsync();
    }

    [Fact]
    public async Task OnTheSystemClock_TheAdvanceEndpointDoesNotExist()
    {
        await using var host = await HostFactory.StartAsync(clockMode: "System");

        var advance = await host.As("david").PostJsonAsync("/api/clock/advance", new { by = "P1D" });
        var clock = await (await host.As("david").GetAsync("/api/clock")).OkJsonAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, advance.StatusCode);
        Assert.False((bool)clock["simulated"]!);
        Assert.True(NodaTime.Text.InstantPattern.ExtendedIso.Parse((string)clock["now"]!).Value > NodaTime.Instant.FromUtc(2026, 11, 1, 0, 0));
    }

    private static async Task<Guid> StartGranskningAsync(HostFactory host)
    {
        await (await host.As("cecilia").PostXmlAsync("/api/definitions", HttpJson.Read("Tour", "granskning.bpmn"))).OkJsonAsync();
        var started = await (await host.As("anna").PostJsonAsync("/api/instances", new
        {
            definitionKey = "Granskning",
            variables = new { receivedDate = "2026-01-31" },
        })).OkJsonAsync();
        return Guid.Parse((string)started["instanceId"]!);
    }

    private static async Task<string?> ScalarAsync(HostFactory host, string sql, Guid id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(HostFactory host, string sql, Guid id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
