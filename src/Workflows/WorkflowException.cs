namespace Verkstallighet.Workflows;

/// <summary>A request the engine refuses. The Host turns each kind into a ProblemDetails response.</summary>
public abstract class WorkflowException(string message) : Exception(message);
