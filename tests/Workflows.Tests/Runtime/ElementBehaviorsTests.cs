using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tests.Support;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class ElementBehaviorsTests
{
    private static readonly IDefinitionEnvironment Environment = new AnyActivityEnvironment();

    /// <summary>Every valid model the tests and the product ship: the engine's own files and the shipped workflows.</summary>
    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (BpmnParser.Parse(File.ReadAllText(path), Environment).IsValid)
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryElementOfAValidModel_HasExactlyOneBehaviour(string file)
    {
        var model = BpmnParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)), Environment).Model!;

        foreach (var node in model.Nodes.Values)
        {
            var handling = ElementBehaviors.All.Where(b => b.Handles(node)).Select(b => b.GetType().Name).ToList();
            Assert.True(handling.Count == 1, $"{file}: '{node.Id}' ({node.GetType().Name}) is handled by [{string.Join(", ", handling)}].");
        }
    }

    [Fact]
    public void EachElementKind_IsAClassOfItsOwn_FoundWithoutARegistration()
    {
        Assert.Equal(
            [
                nameof(BoundaryEventBehavior), nameof(EndEventBehavior), nameof(EventBasedGatewayBehavior), nameof(EventSubProcessStartBehavior),
                nameof(ExclusiveGatewayBehavior), nameof(IntermediateCatchEventBehavior), nameof(ParallelGatewayBehavior), nameof(StartEventBehavior),
                nameof(SubProcessBehavior), nameof(TaskBehavior),
            ],
            ElementBehaviors.All.Select(b => b.GetType().Name));
    }
}
