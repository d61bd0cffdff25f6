using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Workflows.Hosting;
using Verkstallighet.Activities.Deadlines;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Activities.Tests.Workflows;

public sealed class ShippedWorkflowsTests
{
    private static ValidationEnvironment Environment()
    {
        var services = new ServiceCollection();
        services.AddActivity<Verkstallighet.Workflows.Activities.Builtin.ManualTask>();
        services.AddVerkstallighetActivities();
        var provider = services.BuildServiceProvider();
        return new ValidationEnvironment(new ActivityRegistry(provider.GetServices<ActivityRegistration>()), Kvfs2011DeadlineRules.All.Select(r => r.Key).ToHashSet());
    }

    [Theory]
    [InlineData("supervision.bpmn", "Supervision")]
    [InlineData("community-service.bpmn", "CommunityService")]
    public void ShippedWorkflow_IsValid_AndEveryDeadlineIsARule(string file, string key)
    {
        var parsed = BpmnParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", file)), Environment());

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems.Select(p => $"{p.ElementId}: {p.Message}")));
        Assert.Equal(key, parsed.Key);
        var timers = parsed.Model!.Nodes.Values.Select(n => n switch
        {
            BoundaryEventNode b => b.Trigger,
            IntermediateCatchEventNode c => c.Trigger,
            StartEventNode s => s.Trigger,
            _ => null,
        }).OfType<TimerTrigger>().ToList();
        Assert.NotEmpty(timers);
        Assert.All(timers, t => Assert.NotNull(t.Spec.AnchorVariable));
    }
}
