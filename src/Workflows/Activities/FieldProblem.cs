namespace Verkstallighet.Workflows.Activities;

/// <summary>One thing wrong with submitted data: the field's JSON path (<c>measures[0].dueDate</c>) and why.</summary>
public sealed record FieldProblem(string Field, string Message);
