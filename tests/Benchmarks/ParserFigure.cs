using System.Diagnostics;
using System.Text;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Benchmarks;

/// <summary>
/// How long parsing and validating a large document takes: a chain of tasks of growing length, the best of five runs
/// each after a warm-up, so the figures show the growth (linear: ten times the tasks, about ten times the time).
/// </summary>
internal static class ParserFigure
{
    private static readonly IDefinitionEnvironment Environment =
        new ValidationEnvironment(new ActivityRegistry([new(typeof(ManualTask))]), new HashSet<string>());

    public static int Run()
    {
        BpmnParser.Parse(Chain(1_000), Environment);
        foreach (var tasks in new[] { 2_500, 10_000, 25_000 })
        {
            var xml = Chain(tasks);
            var fastest = TimeSpan.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var parsed = BpmnParser.Parse(xml, Environment);
                stopwatch.Stop();
                if (!parsed.IsValid)
                {
                    Console.WriteLine($"FAILED: the chain of {tasks} tasks was not valid: {parsed.Problems[0].Message}");
                    return 1;
                }

                fastest = stopwatch.Elapsed < fastest ? stopwatch.Elapsed : fastest;
            }

            Console.WriteLine($"parse and validate a chain of {tasks} tasks ({xml.Length / 1024} KB): {fastest.TotalMilliseconds:F0} ms, best of 5");
        }

        return 0;
    }

    private static string Chain(int tasks)
    {
        var xml = new StringBuilder("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="P" isExecutable="true"><startEvent id="S"/>""");
        for (var i = 0; i < tasks; i++)
        {
            xml.Append("<task id=\"t").Append(i).Append("\"/><sequenceFlow id=\"f").Append(i).Append("\" sourceRef=\"")
                .Append(i == 0 ? "S" : "t" + (i - 1)).Append("\" targetRef=\"t").Append(i).Append("\"/>");
        }

        return xml.Append("<endEvent id=\"E\"/><sequenceFlow id=\"fe\" sourceRef=\"t").Append(tasks - 1).Append("\" targetRef=\"E\"/></process></definitions>").ToString();
    }
}
