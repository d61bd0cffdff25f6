namespace Verkstallighet.Workflows;

/// <summary>404: the thing asked for does not exist.</summary>
public sealed class NotFoundException(string message) : WorkflowException(message);
