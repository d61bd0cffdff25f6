
namespace Verkstallighet.Workflows.Activities;

/// <summary>400: submitted task data with problems, each naming its field.</summary>
public sealed class FormInvalidException(IReadOnlyList<FieldProblem> problems)
    : WorkflowException($"The submitted data has {problems.Count} problem(s).")
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}
