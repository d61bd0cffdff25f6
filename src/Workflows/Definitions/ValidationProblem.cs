namespace Verkstallighet.Workflows.Definitions;

/// <summary>One problem with a workflow definition: which element (null for the document itself) and what is wrong.</summary>
public sealed record ValidationProblem(string? ElementId, string Message);
