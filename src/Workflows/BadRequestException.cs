namespace Verkstallighet.Workflows;

/// <summary>400: the request itself is malformed.</summary>
public sealed class BadRequestException(string message) : WorkflowException(message);
