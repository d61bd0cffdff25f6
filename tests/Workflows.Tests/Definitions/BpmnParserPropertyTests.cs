using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Tests.Support;

namespace Verkstallighet.Workflows.Tests.Definitions;

/// <summary>
/// Whatever a file holds, parsing it ends in one of the parser's documented outcomes, within its time budget: a result
/// (a model, or the problems), or <see cref="ParseBudgetExceededException"/>, which the API answers with 400. The
/// documents are real files (the shipped workflows, the tour's, the tests', the foreign dialects') after random mutations.
/// </summary>
public sealed class BpmnParserPropertyTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>What a budget check may overrun by: the longest step between two checks, plus a busy machine's pauses.</summary>
    private static readonly TimeSpan Overrun = TimeSpan.FromSeconds(1);

    private static readonly IDefinitionEnvironment Environment = new AnyActivityEnvironment();

    private static readonly (string Name, string Xml)[] Seeds = Directory
        .GetFiles(AppContext.BaseDirectory, "*.bpmn", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => (Path.GetRelativePath(AppContext.BaseDirectory, path), File.ReadAllText(path)))
        .ToArray();

    /// <summary>FsCheck's generator: a seed file, a random seed for the mutator and how many mutations to apply.</summary>
    public static class MutatedFiles
    {
        public static Arbitrary<MutatedBpmn> Documents() =>
            (from seed in Gen.Choose(0, Seeds.Length - 1)
             from randomSeed in Gen.Choose(0, int.MaxValue - 1)
             from count in Gen.Choose(1, 4)
             select BpmnMutator.Mutate(Seeds[seed].Name, Seeds[seed].Xml, randomSeed, count)).ToArbitrary();
    }

    // A fixed replay seed: the same 400 documents on every run, so a busy CI machine gets no new cases to flake on.
    [Property(MaxTest = 400, Replay = "(1103515245,12345)", Arbitrary = [typeof(MutatedFiles)])]
    public void Parse_OfAMutatedRealFile_EndsInADocumentedOutcome_WithinItsBudget(MutatedBpmn document)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var parsed = BpmnParser.Parse(document.Xml, Environment, ParseBudget.StartNow(Budget));
            Assert.Equal(parsed.Problems.Count == 0, parsed.Model is not null);
            Assert.All(parsed.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        }
        catch (ParseBudgetExceededException)
        {
            // Documented: the document is refused as too costly to validate.
        }

        Assert.True(stopwatch.Elapsed < Budget + Overrun, $"Parsing took {stopwatch.ElapsedMilliseconds} ms, past its budget of {Budget.TotalMilliseconds} ms.");
    }

    [Fact]
    public void Seeds_IncludeTheShippedTheTourAndTheForeignFiles()
    {
        var names = Seeds.Select(s => s.Name.Replace('\\', '/')).ToList();

        Assert.Contains("Seeds/supervision.bpmn", names);
        Assert.Contains("Seeds/granskning.bpmn", names);
        Assert.Contains("Bpmn/user-task.bpmn", names);
        Assert.Contains("Bpmn/Foreign/signavio.bpmn", names);
    }

    [Fact]
    public void Mutations_ReachEveryKindOfOutcome()
    {
        // Without this the property could pass on a mutator that never got past the XML reader, or never broke a file.
        var messages = Enumerable.Range(0, 300)
            .Select(i => BpmnMutator.Mutate(Seeds[i % Seeds.Length].Name, Seeds[i % Seeds.Length].Xml, randomSeed: i, count: 1 + i % 4))
            .Select(document => BpmnParser.Parse(document.Xml, Environment))
            .Select(parsed => parsed.IsValid ? "valid" : string.Join(" | ", parsed.Problems.Select(p => p.Message)))
            .ToList();

        Assert.Contains(messages, m => m == "valid");
        Assert.Contains(messages, m => m.Contains("not well-formed"));
        Assert.Contains(messages, m => m.Contains("DTD"));
        Assert.Contains(messages, m => m.Contains("nested more than"));
        Assert.Contains(messages, m => m.Contains("does not exist") || m.Contains("unique"));
        Assert.Contains(messages, m => m.Contains("not supported") || m.Contains("not part of the supported BPMN subset"));
    }
}
