namespace Verkstallighet.Workflows.Expressions;

/// <summary>An expression failed: bad syntax, an unknown variable, a thrown error, or a limit of the sandbox.</summary>
public sealed class ScriptException(string message, Exception? inner = null) : Exception(message, inner);
