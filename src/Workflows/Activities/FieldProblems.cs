namespace Verkstallighet.Workflows.Activities;

/// <summary>The problems a human activity finds in submitted data.</summary>
public sealed class FieldProblems
{
    private readonly List<FieldProblem> problems = [];

    public IReadOnlyList<FieldProblem> All => problems;

    public bool Any => problems.Count > 0;

    public void Add(string field, string message) => problems.Add(new FieldProblem(field, message));

    public void AddRange(IEnumerable<FieldProblem> more) => problems.AddRange(more);
}
