using System.Text.RegularExpressions;

namespace Verkstallighet.Activities.Tests;

/// <summary>
/// The README's table "Rules of KVFS 2011:5 by §" leads from each § the software enforces to its code and tests. A test
/// names the § it shows in its method name, as an underscore-separated segment of its own: <c>_16Paragraph</c>,
/// <c>_16And17Paragraphs</c>, <c>_GeneralAdviceTo3Paragraph</c>. A segment that follows a statute's number
/// (<c>Lag1930_173_2Paragraph</c>) or holds a chapter (<c>5Kap9Paragraph</c>) names another statute. The test sources of
/// every project are read, so the Host's tests count too.
/// </summary>
public sealed partial class RegulationTableTests
{
    private const string TableHeading = "## Rules of KVFS 2011:5 by §";

    [Theory]
    [InlineData("PlanEstablishment_IsOneMonthFromSupervisionStart_16Paragraph", new[] { 16 })]
    [InlineData("FollowUp_RecordsAStatusForEachMeasure_16And17Paragraphs", new[] { 16, 17 })]
    [InlineData("CommunityService_StartsWithinEightWeeks_GeneralAdviceTo3And4Paragraphs", new[] { 3, 4 })]
    [InlineData("EscalationTask_ShowsTheRule_16Paragraph_AndIsAcknowledged", new[] { 16 })]
    [InlineData("NonWorkingDays_FollowLag1930_173_2Paragraph", new int[0])]
    [InlineData("Draft_IsAssembled_GeneralAdviceTo5Kap9Paragraph", new int[0])]
    [InlineData("FollowUpAfterTransfer_IsFourWeeks_ThatIs28Days", new int[0])]
    public void ParagraphsNamedBy_ReadsTheNamingConvention(string testName, int[] expected)
    {
        Assert.Equal(expected, ParagraphsNamedBy(testName));
    }

    [Fact]
    public void EveryParagraphNamedByATest_IsInTheReadmeTable_AndEveryRowIsNamedByATest()
    {
        var named = NamedParagraphs();
        var table = TableRows().Select(r => r.Paragraph).ToHashSet();
        // The domain's tests name 3, 4 and 12–17 §§ today: far fewer found means the sources were not read.
        Assert.True(named.Count >= 8, $"Tests name only {named.Count} §§ of KVFS 2011:5; the test did not find the test sources.");

        var missing = named.Where(n => !table.Contains(n.Key)).Select(n => $"{n.Key} § (named by {string.Join(", ", n.Value.Take(3))})").ToList();
        var unbacked = table.Where(p => !named.ContainsKey(p)).Select(p => $"{p} §").ToList();

        Assert.True(missing.Count == 0, $"Tests name §§ that the README's table lacks: {string.Join("; ", missing)}");
        Assert.True(unbacked.Count == 0, $"The README's table lists §§ that no test names: {string.Join(", ", unbacked)}");
    }

    [Fact]
    public void TheTable_NamesCodeAndTestClassesThatExist()
    {
        var root = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories).Where(IsSource)
            .GroupBy(Path.GetFileNameWithoutExtension).ToDictionary(g => g.Key!, g => g.First());
        var tests = TestSources().GroupBy(Path.GetFileNameWithoutExtension).ToDictionary(g => g.Key!, g => g.First());
        var rows = TableRows();
        Assert.NotEmpty(rows);
        var faults = new List<string>();
        foreach (var row in rows)
        {
            foreach (var (name, members) in CodeReferences(row.Code))
            {
                var file = name.Contains('/') ? Path.Combine(root, name) : sources.GetValueOrDefault(name);
                if (file is null || !File.Exists(file))
                {
                    faults.Add($"{row.Paragraph} §: no code file for `{name}`");
                    continue;
                }

                var text = File.ReadAllText(file);
                faults.AddRange(members.Where(m => !text.Contains(m, StringComparison.Ordinal)).Select(m => $"{row.Paragraph} §: `{m}` is not in {name}"));
            }

            foreach (var testClass in Backticked().Matches(row.Tests).Select(m => m.Groups[1].Value))
            {
                if (!tests.TryGetValue(testClass, out var file) || !File.ReadAllText(file).Contains($"class {testClass}", StringComparison.Ordinal))
                {
                    faults.Add($"{row.Paragraph} §: no test class {testClass}");
                }
            }
        }

        Assert.True(faults.Count == 0, "The README's table names what does not exist:\n" + string.Join("\n", faults));
    }

    /// <summary>The §§ of KVFS 2011:5 named by the test methods in every test project, each with the tests naming it.</summary>
    private static Dictionary<int, List<string>> NamedParagraphs() =>
        TestSources()
            .SelectMany(file => TestMethodName().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .SelectMany(name => ParagraphsNamedBy(name).Select(paragraph => (paragraph, name)))
            .GroupBy(n => n.paragraph)
            .ToDictionary(g => g.Key, g => g.Select(n => n.name).ToList());

    private static IEnumerable<int> ParagraphsNamedBy(string testName)
    {
        var segments = testName.Split('_');
        for (var i = 0; i < segments.Length; i++)
        {
            var match = ParagraphSegment().Match(segments[i]);
            var afterStatuteNumber = i > 0 && segments[i - 1].Length > 0 && char.IsDigit(segments[i - 1][^1]);
            if (!match.Success || afterStatuteNumber)
            {
                continue;
            }

            foreach (var number in match.Groups[1].Value.Split("And"))
            {
                yield return int.Parse(number);
            }
        }
    }

    private static List<TableRow> TableRows()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var start = Array.IndexOf(readme, TableHeading);
        Assert.True(start >= 0, $"The README has no section '{TableHeading}'.");
        return readme.Skip(start + 1)
            .TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => line.Split('|'))
            .Where(cells => cells.Length == 6 && TableParagraph().IsMatch(cells[1].Trim()))
            .Select(cells => new TableRow(int.Parse(TableParagraph().Match(cells[1].Trim()).Groups[1].Value), cells[3], cells[4]))
            .ToList();
    }

    /// <summary>The code cell's files or types, each with the members or BPMN elements named in parentheses after it.</summary>
    private static IEnumerable<(string Name, IReadOnlyList<string> Members)> CodeReferences(string cell) =>
        CodeReference().Matches(cell).Select(m => (m.Groups[1].Value,
            (IReadOnlyList<string>)Backticked().Matches(m.Groups[2].Value).Select(inner => inner.Groups[1].Value).ToList()));

    private static IEnumerable<string> TestSources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "tests"), "*.cs", SearchOption.AllDirectories).Where(IsSource);

    private static bool IsSource(string path) =>
        !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verkstallighet.Workflows.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Verkstallighet.Workflows.sln above {AppContext.BaseDirectory}.");
    }

    private sealed record TableRow(int Paragraph, string Code, string Tests);

    [GeneratedRegex(@"^(?:GeneralAdviceTo)?(\d+(?:And\d+)*)Paragraphs?$")]
    private static partial Regex ParagraphSegment();

    [GeneratedRegex(@"\b(?:void|Task)\s+(\w+)\s*\(")]
    private static partial Regex TestMethodName();

    [GeneratedRegex(@"^(\d+) §$")]
    private static partial Regex TableParagraph();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"`([^`]+)`(?:\s*\(([^)]*)\))?")]
    private static partial Regex CodeReference();
}
