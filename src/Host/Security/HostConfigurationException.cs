namespace Verkstallighet.Host.Security;

/// <summary>The Host cannot start as configured; the message says what to set.</summary>
public sealed class HostConfigurationException(string message) : Exception(message);
