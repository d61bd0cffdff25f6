using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>The graph behind <see cref="NamespaceCycleTests"/>, on small files made here.</summary>
public class NamespaceGraphTests
{
    [Fact]
    public void Two_namespaces_that_use_each_others_types_are_a_cycle_with_an_example_of_each_use()
    {
        var graph = Graph(
            ("Runtime.cs", "using E.Timers; namespace E.Runtime; class Step { Timer? _timer; }"),
            ("Timers.cs", "using E.Runtime;\nnamespace E.Timers;\nclass Timer\n{\n    Step? _step;\n}"));

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["E.Runtime", "E.Timers"], cycle.Namespaces);
        Assert.Equal(
            [
                new NamespaceDependency("E.Runtime", "E.Timers", "Runtime.cs", 1, "Timer"),
                new NamespaceDependency("E.Timers", "E.Runtime", "Timers.cs", 5, "Step"),
            ],
            cycle.Dependencies);
    }

    [Fact]
    public void Only_namespaces_that_use_each_other_directly_are_a_mutual_pair()
    {
        var graph = Graph(
            ("A.cs", "namespace E.A; class TypeA { E.B.TypeB? _b; }"),
            ("B.cs", "namespace E.B; class TypeB { E.A.TypeA? _a; E.C.TypeC? _c; }"),
            ("C.cs", "namespace E.C; class TypeC { E.A.TypeA? _a; }"));

        var pair = Assert.Single(graph.MutualDependencies());

        Assert.Equal(("E.A", "E.B", "E.A"), (pair.There.From, pair.There.To, pair.Back.To));
        Assert.Equal(["E.A", "E.B", "E.C"], Assert.Single(graph.Cycles()).Namespaces);
    }

    [Fact]
    public void A_use_in_one_direction_is_no_cycle()
    {
        var graph = Graph(
            ("Runtime.cs", "using E.Timers; namespace E.Runtime; class Step { Timer? _timer; }"),
            ("Timers.cs", "namespace E.Timers; class Timer { }"));

        Assert.Equal("E.Runtime -> E.Timers", Assert.Single(graph.Dependencies).ToString().Split(" (")[0]);
        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void Three_namespaces_in_a_ring_are_one_cycle()
    {
        var graph = Graph(
            ("A.cs", "namespace E.A; class TypeA { E.B.TypeB? _b; }"),
            ("B.cs", "namespace E.B; class TypeB { E.C.TypeC? _c; }"),
            ("C.cs", "namespace E.C; class TypeC { E.A.TypeA? _a; }"),
            ("D.cs", "namespace E.D; class TypeD { E.A.TypeA? _a; }"));

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["E.A", "E.B", "E.C"], cycle.Namespaces);
        Assert.Equal(3, cycle.Dependencies.Count);
    }

    [Fact]
    public void The_root_namespace_is_a_node_its_children_see_without_a_using()
    {
        var graph = Graph(
            ("Root.cs", "namespace E; class Setup { void M() { new E.Timers.Timer(); } } class Actor { }"),
            ("Timers.cs", "namespace E.Timers; class Timer { Actor? _actor; }"));

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["E", "E.Timers"], cycle.Namespaces);
    }

    [Theory]
    [InlineData("using E.Timers; namespace E.Runtime; class Step { }")]
    [InlineData("using E.Timers; namespace E.Runtime; class Step { void M(object o) { var timer = o.Timer; } }")]
    [InlineData("using E.Timers; namespace E.Runtime; class Step { void M() { N(Timer: 1); } void N(int Timer) { } }")]
    [InlineData("using E.Timers; namespace E.Runtime; class Step { class Timer { } Timer? _own; }")]
    [InlineData("using E.Timers; namespace E.Runtime; class Step<Timer> { Timer? _parameter; }")]
    [InlineData("using E.Timers; namespace E.Runtime; class Timer { } class Step { Timer? _own; }")]
    public void Names_that_are_no_use_of_the_other_namespaces_type_make_no_dependency(string runtime)
    {
        var graph = Graph(("Runtime.cs", runtime), ("Timers.cs", "namespace E.Timers; class Timer { }"),
            ("Own.cs", "namespace E.Runtime; class Other { }"));

        Assert.DoesNotContain(graph.Dependencies, d => d.From == "E.Runtime");
    }

    [Theory]
    [InlineData("namespace E.Runtime; class Step { E.Timers.Timer? _full; }")]
    [InlineData("namespace E.Runtime; class Step { global::E.Timers.Timer? _global; }")]
    [InlineData("namespace E.Runtime; class Step { Timers.Timer? _relative; }")]
    [InlineData("namespace E.Runtime; class Step { object M() => E.Timers.Timer.Create(); }")]
    [InlineData("namespace E.Runtime { using E.Timers; class Step { Timer? _inner; } }")]
    [InlineData("namespace E { namespace Runtime { using Timers; class Step { Timer? _nested; } } }")]
    [InlineData("using T = E.Timers.Timer; namespace E.Runtime; class Step { T? _alias; }")]
    [InlineData("using static E.Timers.Timer; namespace E.Runtime; class Step { object M() => Create(); }")]
    [InlineData("using E.Timers; namespace E.Runtime; class Step { Box<int>? _generic; }")]
    [InlineData("using E.Timers; namespace E.Runtime; [Due] class Step { }")]
    [InlineData("using E.Timers; namespace E.Runtime; class Step { string N = nameof(Timer); }")]
    public void Every_way_of_naming_the_other_namespaces_type_is_a_dependency(string runtime)
    {
        var timers = "namespace E.Timers; class Timer { public static Timer Create() => new(); } class Box<T> { } "
            + "class DueAttribute : System.Attribute { }";

        var graph = Graph(("Runtime.cs", runtime), ("Timers.cs", timers));

        var dependency = Assert.Single(graph.Dependencies);
        Assert.Equal(("E.Runtime", "E.Timers"), (dependency.From, dependency.To));
    }

    [Fact]
    public void A_global_using_in_one_file_makes_the_namespace_visible_in_all()
    {
        var graph = Graph(
            ("Usings.cs", "global using E.Timers;"),
            ("Runtime.cs", "namespace E.Runtime; class Step { Timer? _timer; }"),
            ("Timers.cs", "namespace E.Timers; class Timer { }"));

        Assert.Equal("Runtime.cs", Assert.Single(graph.Dependencies).Path);
    }

    private static NamespaceGraph Graph(params (string Path, string Text)[] files) =>
        NamespaceGraph.Build(files.Select(f => new SourceFile(f.Path, f.Text)).ToList());
}
