namespace Verkstallighet.Workflows;

/// <summary>403: the user may not do this; the message says why.</summary>
public sealed class ForbiddenException(string message) : WorkflowException(message);
