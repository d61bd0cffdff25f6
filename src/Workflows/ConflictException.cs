namespace Verkstallighet.Workflows;

/// <summary>409: the request does not fit the current state (completed twice, stale version, nothing waits for a message).</summary>
public sealed class ConflictException(string message) : WorkflowException(message);
