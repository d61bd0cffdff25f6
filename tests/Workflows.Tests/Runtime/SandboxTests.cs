using System.Diagnostics;
using System.Text.Json.Nodes;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Expressions;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class SandboxTests
{
    private readonly ScriptSandbox sandbox = new();

    [Theory]
    [InlineData("loop", "sandbox")]
    [InlineData("recurse", "sandbox")]
    [InlineData("memory", "sandbox")]
    public async Task RunawayCondition_IsStoppedByTheSandbox_AndBecomesAnIncident(string mode, string expected)
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("sandbox.bpmn");
        var watch = Stopwatch.StartNew();

        var started = await engine.StartAsync("Sandbox", new { mode });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Contains(expected, Assert.Single(await engine.OpenIncidentsAsync(started.InstanceId)).Message);
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
