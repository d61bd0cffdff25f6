namespace Verkstallighet.Workflows.Runtime;

/// <summary>An element could not run; the token gets an incident with this message.</summary>
internal sealed class ElementFailedException(string message, Exception? inner = null) : Exception(message, inner);
