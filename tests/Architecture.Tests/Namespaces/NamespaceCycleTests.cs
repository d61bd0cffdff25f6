using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>Issue 9, point 3: no import cycles inside src/Workflows.</summary>
public class NamespaceCycleTests
{
    private static readonly NamespaceGraph Engine = NamespaceGraph.Build(Repository.CSharpFiles("src/Workflows"));

    [Fact]
    public void The_graph_holds_the_engines_namespaces_and_their_uses()
    {
        // Guards the cycle check against passing on a graph that found nothing.
        Assert.Contains("Verkstallighet.Workflows", Engine.Namespaces);
        Assert.Contains("Verkstallighet.Workflows.Runtime", Engine.Namespaces);
        Assert.Contains(Engine.Dependencies, d => d.From == "Verkstallighet.Workflows.Runtime"
            && d.To == "Verkstallighet.Workflows.Definitions");
    }

    [Fact]
    public void No_two_namespaces_of_the_engine_import_each_other()
    {
        var cycles = Engine.Cycles();

        Assert.True(cycles.Count == 0,
            $"{cycles.Count} import cycles in src/Workflows:\n" + string.Join("\n", cycles)
            + "\nOf these, the namespaces that use each other directly:\n  "
            + string.Join("\n  ", Engine.MutualDependencies().Select(pair => $"{pair.There.From} <-> {pair.There.To}")));
    }
}
