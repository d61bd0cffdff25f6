namespace Verkstallighet.Workflows.Definitions;

/// <summary>The outcome of parsing: the model when the document is valid, and every problem found otherwise.</summary>
public sealed record ParsedDefinition(string? Key, string? Name, ProcessModel? Model, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Model is not null && Problems.Count == 0;
}
