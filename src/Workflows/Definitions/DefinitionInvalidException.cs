
namespace Verkstallighet.Workflows.Definitions;

/// <summary>400: a BPMN document with problems, each naming its element.</summary>
public sealed class DefinitionInvalidException(IReadOnlyList<ValidationProblem> problems)
    : WorkflowException($"The workflow definition has {problems.Count} problem(s).")
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
