using System.Diagnostics;
using System.Text;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Definitions;

/// <summary>What keeps a hostile document from making the parser spin: depth, quadratic paths, cancellation, time budget.</summary>
public sealed class BpmnParserLimitsTests
{
    private static readonly IDefinitionEnvironment Environment = new ValidationEnvironment(
        new ActivityRegistry([new(typeof(ManualTask)), new(typeof(SetVariable))]),
        new HashSet<string>());

    private const string Head = """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1"><bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/>""";
    private const string Tail = "</bpmn:process></bpmn:definitions>";

    /// <summary>An end event whose extension elements nest <paramref name="depth"/> deep: valid BPMN but for the depth.</summary>
    public static string NestedDocument(int depth)
    {
        var xml = new StringBuilder(Head).Append("""<bpmn:endEvent id="E"><bpmn:extensionElements>""");
        xml.Insert(xml.Length, "<a>", depth).Insert(xml.Length, "</a>", depth);
        return xml.Append("""</bpmn:extensionElements></bpmn:endEvent><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E"/>""").Append(Tail).ToString();
    }

    [Fact]
    public void Parse_RefusesDeepNesting_WhileReading_NamingTheLimitAndWhere()
    {
        // 150,000 levels kept a core busy for minutes when the tree was built before its depth was checked.
        var parsed = BpmnParser.Parse(NestedDocument(150_000), Environment);

        var problem = Assert.Single(parsed.Problems);
        Assert.Null(parsed.Model);
        Assert.Contains($"nested more than {BpmnParser.MaxElementDepth} deep", problem.Message);
        Assert.Contains("line 1, position", problem.Message);
    }

    [Fact]
    public void Parse_AcceptsNestingUpToTheLimit()
    {
        // definitions, process, endEvent and extensionElements are four levels above the first <a>.
        Assert.True(BpmnParser.Parse(NestedDocument(BpmnParser.MaxElementDepth - 4), Environment).IsValid);
        Assert.False(BpmnParser.Parse(NestedDocument(BpmnParser.MaxElementDepth - 3), Environment).IsValid);
    }

    [Fact]
    public void Parse_StopsWithOperationCanceled_WhenCancelledWhileReading()
    {
        using var cancellation = new CancellationTokenSource();
        var environment = new CancellingEnvironment(Environment, cancellation);
        var xml = Head + "<bpmn:userTask id=\"T\"/><bpmn:endEvent id=\"E\"/><bpmn:sequenceFlow id=\"f1\" sourceRef=\"S\" targetRef=\"T\"/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"T\" targetRef=\"E\"/>" + Tail;

        Assert.Throws<OperationCanceledException>(() => BpmnParser.Parse(xml, environment, ParseBudget.StartNow(TimeSpan.FromMinutes(1), cancellation.Token)));
        Assert.True(environment.Asked, "The parser never reached the task, so this test did not cancel it midway.");
    }

    [Fact]
    public void Parse_StopsWithBudgetExceeded_WhenOutOfTime()
    {
        var e = Assert.Throws<ParseBudgetExceededException>(() =>
            BpmnParser.Parse(BpmnFiles.Read("user-task.bpmn"), Environment, ParseBudget.StartNow(TimeSpan.FromTicks(1))));

        Assert.Contains("time budget", e.Message);
    }

    [Fact]
    public void Parse_WithThousandsOfDuplicateIds_ReportsThem_WithinTheBudget()
    {
        // Each flow's lookup of its target once rebuilt the scope's index when ids were duplicated: minutes for this.
        var xml = new StringBuilder(Head);
        for (var i = 0; i < 20_000; i++)
        {
            xml.Append("<bpmn:endEvent id=\"E\"/><bpmn:sequenceFlow id=\"f").Append(i).Append("\" sourceRef=\"S\" targetRef=\"E\"/>");
        }

        var parsed = BpmnParser.Parse(xml.Append(Tail).ToString(), Environment, ParseBudget.StartNow(TimeSpan.FromSeconds(30)));

        Assert.Contains(parsed.Problems, p => p.ElementId == "E" && p.Message.Contains("used by 20000 elements"));
    }

    [Fact]
    public void Parse_WithManyFlowsFromLateGateways_FindsTheirDefaults_WithinTheBudget()
    {
        // Each flow once scanned its siblings for its source's default flow.
        var xml = new StringBuilder(Head).Append("<bpmn:endEvent id=\"E\"/>");
        const int gateways = 10_000;
        for (var i = 0; i < gateways; i++)
        {
            xml.Append("<bpmn:sequenceFlow id=\"in").Append(i).Append("\" sourceRef=\"S\" targetRef=\"G").Append(i).Append("\"/>");
            xml.Append("<bpmn:sequenceFlow id=\"d").Append(i).Append("\" sourceRef=\"G").Append(i).Append("\" targetRef=\"E\"/>");
        }

        for (var i = 0; i < gateways; i++)
        {
            xml.Append("<bpmn:exclusiveGateway id=\"G").Append(i).Append("\" default=\"d").Append(i).Append("\"/>");
        }

        var parsed = BpmnParser.Parse(xml.Append(Tail).ToString(), Environment, ParseBudget.StartNow(TimeSpan.FromSeconds(30)));

        Assert.Empty(parsed.Problems);
        Assert.Equal("d9999", parsed.Model!.Node("G9999").DefaultFlow!.Id);
    }

    /// <summary>A valid process: a start event, <paramref name="tasks"/> tasks in a chain, an end event.</summary>
    public static string Chain(int tasks)
    {
        var xml = new StringBuilder("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="P" isExecutable="true"><startEvent id="S"/>""");
        for (var i = 0; i < tasks; i++)
        {
            xml.Append("<task id=\"t").Append(i).Append("\"/><sequenceFlow id=\"f").Append(i).Append("\" sourceRef=\"")
                .Append(i == 0 ? "S" : "t" + (i - 1)).Append("\" targetRef=\"t").Append(i).Append("\"/>");
        }

        return xml.Append("<endEvent id=\"E\"/><sequenceFlow id=\"fe\" sourceRef=\"t").Append(tasks - 1).Append("\" targetRef=\"E\"/></process></definitions>").ToString();
    }

    [Fact]
    public void Parse_AChainOfTasks_TakesTimeInProportionToItsLength()
    {
        // Validation once took time in the square of the number of tasks (16 s for 25,000). Ten times the tasks take about
        // ten times as long, never a hundred. A ratio with that much room, not an absolute time, so a busy machine does not
        // fail the test; the figures come from `dotnet run -c Release --project tests/Benchmarks -- --only parser`.
        var (small, large) = (Chain(2_500), Chain(25_000));
        Assert.True(BpmnParser.Parse(Chain(100), Environment).IsValid); // warm: the first parse also loads and compiles code
        Assert.Equal(25_002, BpmnParser.Parse(large, Environment).Model!.Nodes.Count);

        var growth = Growth(() => BpmnParser.Parse(small, Environment), () => BpmnParser.Parse(large, Environment));

        Assert.True(growth < 40, $"Ten times the tasks took {growth:F1} times as long.");
    }

    [Fact]
    public void Parse_AMessagePayloadOfManyNames_IsReadInLinearTime()
    {
        // Each name was looked up in a list of the names before it: 40,000 names took 2 s, a 2 MB attribute minutes.
        var parsed = BpmnParser.Parse(Payload(150_000), Environment);
        var trigger = Assert.IsType<MessageTrigger>(((StartEventNode)parsed.Model!.Node("S")).Trigger);
        Assert.Equal(150_000, trigger.Payload.Count); // the repeated v0 is declared once

        var (small, large) = (Payload(15_000), Payload(150_000));
        var growth = Growth(() => BpmnParser.Parse(small, Environment), () => BpmnParser.Parse(large, Environment));

        Assert.True(growth < 40, $"Ten times the names took {growth:F1} times as long.");
    }

    private static string Payload(int names) =>
        $"""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1"><message id="M" name="m"/><process id="P" isExecutable="true"><startEvent id="S"><messageEventDefinition messageRef="M" vp:payload="{string.Join(" ", Enumerable.Range(0, names).Select(i => "v" + i))} v0"/></startEvent><endEvent id="E"/><sequenceFlow id="f" sourceRef="S" targetRef="E"/></process></definitions>""";

    /// <summary>How many times longer the large input takes than the small one, each at its fastest of five interleaved runs.</summary>
    private static double Growth(Action small, Action large)
    {
        var (fastestSmall, fastestLarge) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var run = 0; run < 5; run++)
        {
            fastestSmall = Min(fastestSmall, Time(small));
            fastestLarge = Min(fastestLarge, Time(large));
        }

        return fastestLarge / fastestSmall;
    }

    private static TimeSpan Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [Fact]
    public void Parse_ReportsAConditionNestedTooDeeply_AsAProblem()
    {
        var condition = new string('(', 50_000) + "1" + new string(')', 50_000);
        var xml = Head + "<bpmn:exclusiveGateway id=\"G\"/><bpmn:endEvent id=\"E\"/><bpmn:sequenceFlow id=\"f\" sourceRef=\"S\" targetRef=\"G\"/>" +
                  $"<bpmn:sequenceFlow id=\"Deep\" sourceRef=\"G\" targetRef=\"E\"><bpmn:conditionExpression>{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>" + Tail;

        var parsed = BpmnParser.Parse(xml, Environment);

        Assert.Contains(parsed.Problems, p => p.ElementId == "Deep" && p.Message.Contains("nested too deeply"));
    }

    /// <summary>Cancels the parse from inside it, when the first task's activity type is looked up.</summary>
    private sealed class CancellingEnvironment(IDefinitionEnvironment inner, CancellationTokenSource cancellation) : IDefinitionEnvironment
    {
        public bool Asked { get; private set; }

        public bool TryGetActivity(string type, out ActivityDescriptor descriptor)
        {
            Asked = true;
            cancellation.Cancel();
            return inner.TryGetActivity(type, out descriptor);
        }

        public bool DeadlineRuleExists(string key) => inner.DeadlineRuleExists(key);

        public bool IsProtectedVariable(string name) => inner.IsProtectedVariable(name);
    }
}
