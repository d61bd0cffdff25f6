using System.Text.Json.Nodes;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Expressions;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class SandboxTests
{
    private readonly ScriptSandbox sandbox = new();

    [Theory]
    [InlineData("loop", "(the statement limit)")]
    [InlineData("recurse", "(the recursion limit)")]
    [InlineData("memory", "(the memory limit)")]
    public async Task RunawayCondition_IsStoppedByItsOwnLimit_AndBecomesAnIncident(string mode, string expected)
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("sandbox.bpmn");

        var started = await engine.StartAsync("Sandbox", new { mode });

        Assert.Contains(expected, Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId)).Message);
    }

    public static TheoryData<string, string, ScriptSandboxOptions, string> Limits => new()
    {
        { "statements", "(() => { while (true) {} })()", new() { MaxStatements = 1_000 }, "it ran more than 1000 statements (the statement limit)" },
        { "recursion", "(function f(n) { return f(n + 1); })(0)", new() { MaxRecursion = 10 }, "it nested calls deeper than 10 (the recursion limit)" },
        { "memory", "(() => { let s = 'x'; while (true) { s = s + s; } })()", new() { MaxStatements = int.MaxValue, MaxMemoryBytes = 1024 * 1024 }, "it allocated more than 1048576 bytes (the memory limit)" },
        // Only the clock stops an endless loop when the statement limit is out of reach.
        { "time", "(() => { while (true) {} })()", new() { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) }, "it ran longer than 0.2 s (the time limit)" },
        // Catastrophic backtracking is a single statement: only the regex limit stops it.
        { "regex", "/^(a+)+$/.test('a'.repeat(40) + '!')", new() { RegexTimeout = TimeSpan.FromMilliseconds(200) }, "a regular expression ran longer than 0.2 s (the regex time limit)" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Evaluate_IsStoppedByEachLimit_WithThatLimitsOwnError(string limit, string script, ScriptSandboxOptions options, string expected)
    {
        _ = limit;
        var e = Assert.Throws<ScriptException>(() => new ScriptSandbox(options).Evaluate(script, []));

        Assert.EndsWith("was stopped by the sandbox: " + expected + ".", e.Message);
    }

    [Fact]
    public void DefaultTimeLimits_AreGenerous_SoABusyMachineDoesNotTurnValidConditionsIntoIncidents()
    {
        var defaults = new ScriptSandboxOptions();

        Assert.True(defaults.Timeout >= TimeSpan.FromSeconds(5));
        Assert.True(defaults.RegexTimeout >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Evaluate_ReportsAnExpressionNestedTooDeeply_AsAScriptError()
    {
        var e = Assert.Throws<ScriptException>(() => sandbox.Evaluate(new string('(', 50_000) + "1" + new string(')', 50_000), []));

        Assert.Contains("nested too deeply", e.Message);
    }

    [Fact]
    public async Task Condition_HasNoAccessToDotNet()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("sandbox.bpmn");

        var started = await engine.StartAsync("Sandbox", new { mode = "clr" });

        Assert.Equal("B", Assert.Single(await engine.OpenTasksAsync(started.InstanceId)).ElementId);
    }

    [Fact]
    public void Evaluate_SeesVariables_AndReturnsJson()
    {
        var variables = new JsonObject { ["plan"] = new JsonObject { ["measures"] = new JsonArray(1, 2, 3) }, ["name"] = "Kim" };

        Assert.Equal(3, (int)sandbox.Evaluate("plan.measures.length", variables)!);
        Assert.Equal("Kim!", (string?)sandbox.Evaluate("=name + '!'", variables));
        Assert.True(sandbox.EvaluateCondition("${plan.measures.includes(2)}", variables));
        Assert.Null(sandbox.Evaluate("undefined", variables));
    }

    [Fact]
    public void Evaluate_DoesNotLeakStateBetweenEvaluations()
    {
        sandbox.Evaluate("Object.defineProperty(globalThis, 'leak', { value: 1 })", []);

        Assert.Equal("undefined", (string?)sandbox.Evaluate("typeof leak", []));
    }

    [Theory]
    [InlineData("a ===", "not valid JavaScript")]
    [InlineData("", "empty")]
    [InlineData("=approved = true", "may not assign")] // FEEL's equality in a Zeebe model
    [InlineData("count++ > 1", "may not assign")]
    [InlineData("${total += 1}", "may not assign")]
    public void SyntaxError_IsReported(string expression, string expected)
    {
        Assert.Contains(expected, ScriptSandbox.SyntaxError(expression));
    }

    [Theory]
    [InlineData("approved == true")]
    [InlineData("(() => { let n = 0; for (let i = 0; i < 3; i++) { n += i; } return n === 3; })()")] // a function's own locals
    public void SyntaxError_IsNull_ForExpressionsThatOnlyRead(string expression)
    {
        Assert.Null(ScriptSandbox.SyntaxError(expression));
    }

    [Fact]
    public void EvaluateCondition_RefusesAnAssignment_InsteadOfTakingTheBranch()
    {
        var e = Assert.Throws<ScriptException>(() => sandbox.EvaluateCondition("=approved = true", new JsonObject { ["approved"] = false }));
        Assert.Contains("assigns", e.Message);
    }
}
